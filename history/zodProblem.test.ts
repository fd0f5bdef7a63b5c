/**
 * zod issues as one-line TraceErrors (history/zodProblem.ts): the value shown as its JSON cut at
 * 60 characters, the place as a path (`conns[0].laddr.port`), what was there (or that the field is
 * missing) and what is allowed, for each kind of issue.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errnoMap, uint32, uint64 } from './counts.js';
import { problem, show } from './zodProblem.js';

/** The message of the problem `schema` finds in `input`, at `h.json`. */
const message = (schema: z.ZodType, input: unknown): string => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('accepted');
  return problem('h.json', r.error, input).message;
};

describe('show', () => {
  it('shows a value as its JSON', () => {
    expect([show('a'), show(1), show(null), show({ a: [1] })]).toEqual([
      '"a"',
      '1',
      'null',
      '{"a":[1]}',
    ]);
  });

  it('shows a value JSON cannot write as its text', () => {
    expect(show(undefined)).toBe('undefined');
  });

  it('cuts a value past 60 characters to 57 and an ellipsis', () => {
    const sixty = 'x'.repeat(58);
    expect(show(sixty)).toBe(`"${sixty}"`);
    const long = 'y'.repeat(59);
    expect(show(long)).toBe(`"${'y'.repeat(56)}...`);
    expect(show(long)).toHaveLength(60);
  });
});

describe('problem', () => {
  const schema = z.object({
    conns: z.array(z.object({ laddr: z.object({ port: z.number().max(65535) }), n: uint32 })),
  });

  it('names the path, what was there and the type allowed', () => {
    expect(message(schema, { conns: [{ laddr: { port: '1' }, n: 1 }] })).toBe(
      'h.json: conns[0].laddr.port: got "1"; allowed: a value of type number',
    );
  });

  it('says a missing field is missing, also under a missing object', () => {
    expect(message(schema, { conns: [{ n: 1 }] })).toBe(
      'h.json: conns[0].laddr: got nothing (the field is missing); allowed: a value of type object',
    );
    expect(
      message(z.object({ a: z.object({ b: z.object({ c: z.number() }) }) }), { a: { b: null } }),
    ).toBe('h.json: a.b: got null; allowed: a value of type object');
  });

  it('names the file alone for a problem with the whole value', () => {
    expect(message(schema, 7)).toBe('h.json: got 7; allowed: a value of type object');
  });

  it('gives the bounds of a number out of range', () => {
    expect(message(schema, { conns: [{ laddr: { port: 70000 }, n: 1 }] })).toBe(
      'h.json: conns[0].laddr.port: got 70000; allowed: at most 65535',
    );
    expect(message(schema, { conns: [{ laddr: { port: 1 }, n: -1 }] })).toBe(
      'h.json: conns[0].n: got -1; allowed: at least 0',
    );
  });

  it('lists the values allowed', () => {
    expect(message(z.object({ family: z.enum(['v4', 'v6']) }), { family: 'v5' })).toBe(
      'h.json: family: got "v5"; allowed: v4, v6',
    );
  });

  it('says what a count may be when no alternative of a union fits', () => {
    expect(message(z.object({ lastBytesSent: uint64 }), { lastBytesSent: true })).toBe(
      'h.json: lastBytesSent: got true; allowed: a count (a number, or a decimal string for 64-bit fields)',
    );
  });

  it('names the map and the key for a bad key, with the key’s own rule', () => {
    expect(message(z.object({ failures: errnoMap }), { failures: { '104': 1, x: 2 } })).toBe(
      'h.json: failures: got the key "x"; allowed: errno keys that are decimal integers from 0 to 4294967295',
    );
  });

  it('names the whole path of a map nested in a list for a bad key', () => {
    const schema = z.object({ conns: z.array(z.object({ failures: errnoMap })) });
    expect(message(schema, { conns: [{ failures: { x: 1 } }] })).toBe(
      'h.json: conns[0].failures: got the key "x"; allowed: errno keys that are decimal integers from 0 to 4294967295',
    );
  });

  it('gives the rule’s own message for any other issue', () => {
    expect(message(z.object({ b: uint64 }), { b: '18446744073709551616' })).toBe(
      'h.json: b: got "18446744073709551616"; allowed: a uint64: a decimal string (or a number) from 0 to 18446744073709551615 (2^64 − 1)',
    );
  });

  it('says the field is missing when the path runs through a value that has no fields', () => {
    // An issue of any schema: its path may pass a null or a number before its end.
    const error = new z.ZodError([
      { code: 'custom', path: ['a', 'b', 'c'], message: 'm', input: 1 },
    ]);
    for (const a of [null, 5, { b: null }, { b: 'text' }])
      expect(problem('h.json', error, { a }).message).toBe(
        'h.json: a.b.c: got nothing (the field is missing); allowed: m',
      );
  });

  it('falls back on the issue’s own message for a bad key without inner issues', () => {
    const error = new z.ZodError([
      {
        code: 'invalid_key',
        origin: 'record',
        path: ['m', 'k'],
        issues: [],
        message: 'a key',
        input: 'k',
      },
    ]);
    expect(problem('h.json', error, {}).message).toBe('h.json: m: got the key "k"; allowed: a key');
  });
});
