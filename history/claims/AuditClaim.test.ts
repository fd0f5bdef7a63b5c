/**
 * The helpers every claim's detail is written with (history/claims/AuditClaim.ts): `plural`,
 * `pollList` (a run of three or more polls as a range) and `connectionFinding`.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Witness } from '../witness.js';
import { connectionFinding, plural, pollList } from './AuditClaim.js';

const SEED = 20261130;

describe('plural', () => {
  it.each([
    [0, '0 closes'],
    [1, '1 close'],
    [2, '2 closes'],
  ])('writes %d as %j', (n, text) => {
    expect(plural(n, 'close')).toBe(text);
  });
});

describe('pollList', () => {
  it.each([
    [[2], 'poll 2'],
    [[1, 2], 'polls 1, 2'],
    [[1, 4], 'polls 1, 4'],
    [[1, 2, 3], 'polls 1–3'],
    [[3, 4, 5, 6], 'polls 3–6'],
    [[1, 2, 4], 'polls 1, 2, 4'],
    [[1, 3, 4], 'polls 1, 3, 4'],
  ])('writes %j as %j', (polls, text) => {
    expect(pollList(polls)).toBe(text);
  });

  it.prop([fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 3, max: 50 })], { seed: SEED })(
    'writes a run of three or more polls as its first and last',
    (first, n) => {
      const polls = Array.from({ length: n }, (_, i) => first + i);
      expect(pollList(polls)).toBe(`polls ${first}–${first + n - 1}`);
    },
  );

  it.prop([fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 20 })], {
    seed: SEED,
  })('lists every poll when they are not one run of three or more', (unsorted) => {
    const polls = [...unsorted].sort((a, b) => a - b);
    const run = polls.length > 2 && polls.every((p, i) => i === 0 || p === polls[i - 1]! + 1);
    fc.pre(!run);
    expect(pollList(polls)).toBe(`polls ${polls.join(', ')}`);
  });
});

describe('connectionFinding', () => {
  it("names the connection's client, identity and label, and keeps the poll, detail and witness", () => {
    const witness: Witness = { polls: [3], records: [], closes: 0, failures: 1 };
    const at = { client: '2', connection: 'tcp … ns 0', label: 'tcp …' };
    expect(connectionFinding('SomeClaim', at, 3, 'why', witness)).toEqual({
      claim: 'SomeClaim',
      client: '2',
      connection: 'tcp … ns 0',
      subject: 'tcp …',
      poll: 3,
      detail: 'why',
      witness,
    });
  });
});
