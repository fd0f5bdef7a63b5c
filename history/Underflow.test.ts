/**
 * The uint64 rule (history/counts.ts, history/Underflow.ts): read exactly at both ends of each
 * range, a wrapped value kept as its raw decimal and the negative difference it stands for.
 */
import { describe, expect, it } from 'vitest';
import { uint64 } from './counts.js';
import { counted, underflowsOf } from './Underflow.js';

const read = (v: unknown) => {
  const r = uint64.safeParse(v);
  return r.success ? r.data : `refused: ${r.error.issues[0]?.message}`;
};

describe('uint64 counters', () => {
  it.each([
    ['0', 0],
    ['000123', 123],
    [123, 123],
    ['9007199254740991', 9007199254740991],
    [9007199254740991, 9007199254740991],
    ['9223372036854775808', 2n ** 63n],
    ['18446744073709551615', 2n ** 64n - 1n],
    [`${'0'.repeat(100)}18446744073709551615`, 2n ** 64n - 1n],
  ])('reads %j exactly as %s', (v, expected) => {
    expect(read(v)).toBe(expected);
  });

  it.each([
    ['18446744073709551616', 'a uint64'],
    ['-1', 'a uint64'],
    [-1, 'a uint64'],
    [1.5, 'a uint64'],
    ['1e3', 'a uint64'],
    ['9'.repeat(1000), 'a uint64'],
    ['9007199254740992', 'a count below 2^53'],
    ['9223372036854775807', 'a count below 2^53'],
  ])('refuses %j as %s', (v, range) => {
    expect(read(v)).toMatch(new RegExp(`^refused: ${range.replace(/\^/g, '\\^')}`));
  });

  it('counts a wrapped counter as 0 and keeps what was shipped', () => {
    const c = { lastBytesSent: 2n ** 64n - 1n, lastBytesReceived: 7 };
    expect([counted(c.lastBytesSent), counted(c.lastBytesReceived)]).toEqual([0, 7]);
    expect(underflowsOf(c)).toEqual([
      { field: 'lastBytesSent', value: '18446744073709551615', difference: '-1' },
    ]);
    expect(underflowsOf({ lastBytesSent: 1, lastBytesReceived: 2 })).toBeNull();
  });
});
