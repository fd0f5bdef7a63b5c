/**
 * The Apalache type parser (interchange/parseApalacheType.ts) reads Type System 1.2 as Apalache's
 * own parser does: precedence of `->` and `|`, records and variants inside other types, and it
 * refuses what Apalache refuses (a duplicate field or tag, an empty record, trailing text).
 */
import { describe, expect, it } from 'vitest';
import { parseApalacheType } from './parseApalacheType.js';
import { ITF_VAR_TYPES } from './toItf.js';

const INT = { kind: 'Int' } as const;
const STR = { kind: 'Str' } as const;
const UNIT = { kind: 'Const', name: 'UNIT' } as const;

describe('parseApalacheType', () => {
  it.each([
    ['Int', INT],
    [' Bool ', { kind: 'Bool' }],
    ['Set(Str)', { kind: 'Set', elem: STR }],
    ['Seq(Seq(Int))', { kind: 'Seq', elem: { kind: 'Seq', elem: INT } }],
    ['<<Int, Str>>', { kind: 'Tup', items: [INT, STR] }],
    ['Int -> Str -> Int', { kind: 'Fun', from: INT, to: { kind: 'Fun', from: STR, to: INT } }],
    ['(Int -> Str) -> Int', { kind: 'Fun', from: { kind: 'Fun', from: INT, to: STR }, to: INT }],
    ['PERSON', { kind: 'Const', name: 'PERSON' }],
    [
      '{ a: Int, b: Set(Str) }',
      {
        kind: 'Rec',
        fields: new Map<string, unknown>([
          ['a', INT],
          ['b', { kind: 'Set', elem: STR }],
        ]),
      },
    ],
    [
      'Some(Int) | None(UNIT)',
      {
        kind: 'Variant',
        options: new Map<string, unknown>([
          ['Some', INT],
          ['None', UNIT],
        ]),
      },
    ],
    [
      'Int -> { o: Some(Int) | None(UNIT), n: Int }',
      {
        kind: 'Fun',
        from: INT,
        to: {
          kind: 'Rec',
          fields: new Map<string, unknown>([
            [
              'o',
              {
                kind: 'Variant',
                options: new Map<string, unknown>([
                  ['Some', INT],
                  ['None', UNIT],
                ]),
              },
            ],
            ['n', INT],
          ]),
        },
      },
    ],
  ])('reads %s', (text, type) => {
    expect(parseApalacheType(text)).toEqual(type);
  });

  it.each([
    ['', 'unexpected end'],
    ['Integer', 'unknown type Integer'],
    ['Set(Int', 'unexpected end'],
    ['Set(Int))', 'unexpected ")" after the type'],
    ['{ a: Int, a: Str }', 'a duplicate field a'],
    ['A(Int) | A(Str)', 'a duplicate tag A'],
    ['{}', 'a record with no field'],
    ['<<>>', 'unexpected ">>"'],
    ['Int -> ', 'unexpected end'],
    ['Int $ Str', 'unexpected "$" at 4'],
    ['{ a Int }', 'expected ":", got "Int"'],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseApalacheType(text)).toThrow(message);
  });

  it.each(Object.entries(ITF_VAR_TYPES))("reads the export's type of %s", (_, text) => {
    expect(() => parseApalacheType(text)).not.toThrow();
  });
});
