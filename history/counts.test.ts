/**
 * The integer fields of a history (history/counts.ts): each range checked before being whole, so
 * a huge number is told the field's own limit; errno keys canonical decimal uint32s; a failure
 * map's first bad key found before zod (which drops `__proto__`); uint64s read exactly.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { badErrnoKey, errnoMap, int32, intIn, uint32, uint64 } from './counts.js';

const SEED = 20261130;

/** What `schema` makes of `v`, or the first issue's code and message. */
const read = (
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      data?: unknown;
      error?: { issues: { code: string; message: string }[] };
    };
  },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? r.data : `${r.error?.issues[0]?.code}`;
};

describe('intIn, uint32, int32', () => {
  it('accepts both ends of the range and refuses one past each', () => {
    expect([read(uint32, 0), read(uint32, 4294967295)]).toEqual([0, 4294967295]);
    expect([read(uint32, -1), read(uint32, 4294967296)]).toEqual(['too_small', 'too_big']);
    expect([read(int32, -2147483648), read(int32, 2147483647)]).toEqual([-2147483648, 2147483647]);
    expect([read(int32, -2147483649), read(int32, 2147483648)]).toEqual(['too_small', 'too_big']);
  });

  it('tells a huge number its range, not that it is not a safe integer', () => {
    expect([read(uint32, 1e308), read(intIn(0, 65535), 2 ** 53 + 2)]).toEqual([
      'too_big',
      'too_big',
    ]);
  });

  it('refuses a fraction within the range', () => {
    expect(read(intIn(0, 10), 1.5)).toBe('invalid_type');
  });
});

describe('errnoMap and badErrnoKey', () => {
  it.each(['0', '7', '104', '4294967295'])('accepts the errno key %j', (k) => {
    expect(read(errnoMap, { [k]: 1 })).toEqual({ [k]: 1 });
    expect(badErrnoKey({ [k]: 1 })).toBeUndefined();
  });

  it.each([
    '4294967296',
    '9999999999',
    '12345678901',
    '01',
    '-1',
    '1.0',
    ' 1',
    '1e3',
    '',
    'reset',
    'constructor',
  ])('refuses the key %j', (k) => {
    expect(read(errnoMap, { [k]: 1 })).toBe('invalid_key');
    expect(badErrnoKey({ '104': 1, [k]: 1 })).toBe(k);
  });

  it('finds a __proto__ key that zod would drop', () => {
    const map: unknown = JSON.parse('{"104": 1, "__proto__": 2}');
    expect(badErrnoKey(map)).toBe('__proto__');
    expect(read(errnoMap, map)).toEqual({ '104': 1 });
  });

  it('leaves what is no map to the schema', () => {
    for (const v of [null, undefined, 7, 'x', [1, 2], ['a']])
      expect(badErrnoKey(v)).toBeUndefined();
  });

  it('refuses a count past uint32', () => {
    expect(read(errnoMap, { '104': 4294967296 })).toBe('too_big');
  });

  it.prop([fc.bigInt({ min: 0n, max: 2n ** 33n })], { seed: SEED })(
    'accepts a decimal key exactly when it is at most 4294967295',
    (n) => {
      expect(badErrnoKey({ [String(n)]: 1 }) === undefined).toBe(n <= 4294967295n);
    },
  );
});

describe('uint64', () => {
  it.each([
    ['123456789012345', 123456789012345],
    ['1234567890123456', 1234567890123456],
    ['0000000000000000000000007', 7],
    [2 ** 63, 2n ** 63n],
    [2 ** 64 - 4096, 2n ** 64n - 4096n],
  ])('reads %j exactly as %s', (v, n) => {
    expect(read(uint64, v)).toBe(n);
  });

  it.each([
    [2 ** 64, 'custom'],
    [2 ** 60, 'custom'],
    ['99999999999999999999', 'custom'],
    ['100000000000000000000', 'custom'],
    ['', 'invalid_format'],
    [' 1', 'invalid_format'],
  ])('refuses %j', (v, code) => {
    expect(read(uint64, v)).toBe(code);
  });

  const around = (n: bigint) => fc.bigInt({ min: n - 2n ** 20n, max: n + 2n ** 20n });
  it.prop(
    [
      fc.oneof(
        fc.bigInt({ min: 0n, max: 2n ** 64n + 10n }),
        around(2n ** 53n),
        around(2n ** 63n),
        around(2n ** 64n),
      ),
    ],
    { seed: SEED },
  )(
    'reads a decimal string as its value: a number below 2^53, a bigint from 2^63 to 2^64 − 1, else refused',
    (n) => {
      const expected = n < 2n ** 53n ? Number(n) : n >= 2n ** 63n && n < 2n ** 64n ? n : 'custom';
      expect(read(uint64, String(n))).toBe(expected);
      expect(read(uint64, `000${n}`)).toBe(expected);
    },
  );
});

describe('the JSON Schema of the counts (docs/schemas/agent-payload.schema.json)', () => {
  it('gives an errno key its pattern', () => {
    expect(z.toJSONSchema(errnoMap, { io: 'input' })).toMatchObject({
      propertyNames: { type: 'string', pattern: '^(0|[1-9]\\d{0,9})$' },
    });
  });

  it('gives a uint64 its rule: a decimal string, or an integer below 2^64', () => {
    expect(z.toJSONSchema(uint64, { io: 'input' })).toMatchObject({
      description:
        'uint64, 0 to 18446744073709551615: below 2^53 a count; from 2^63 a difference that wrapped below zero (a NoUnderflowLeak finding, counted as 0); 2^53 to 2^63 - 1 refused',
      anyOf: [
        { type: 'string', pattern: '^\\d+$' },
        { type: 'integer', minimum: 0, exclusiveMaximum: 2 ** 64 },
      ],
    });
  });

  it('reads the number 0', () => {
    expect(read(uint64, 0)).toBe(0);
  });
});
