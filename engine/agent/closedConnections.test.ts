/**
 * A client's closed buffer, rule by rule (`insert`, `dropEmpty`, `replaceAt` of
 * pkg/network/state.go): non-empty records before empty ones, the bound, and collisions.
 */
import { describe, expect, it } from 'vitest';
import type { ClosedConnections } from './closedConnections.js';
import { dropEmpty, indexOfCookie, insert, NO_CLOSED, replaceAt } from './closedConnections.js';
import type { ConnectionStats } from './ConnectionStats.js';
import { connection, cookie } from './ConnectionStats.js';
import { counters } from './statCounters.js';

/** A non-empty record (bytes moved) or, with `sent` 0, an empty one. */
const rec = (c: number, sent: number, epoch = 0): ConnectionStats =>
  connection({
    cookie: cookie(c),
    monotonic: counters({ sentBytes: sent }),
    lastUpdateEpoch: epoch,
  });

/** The buffer as cookies, with `|` where the empty records start. */
const shape = (cc: ClosedConnections): string => {
  const cookies = cc.conns.map((c) => String(c.cookie));
  return [...cookies.slice(0, cc.emptyStart), '|', ...cookies.slice(cc.emptyStart)].join(' ');
};

/** Inserts records one by one under a bound of `max`. */
const fill = (records: readonly ConnectionStats[], max = 10): ClosedConnections =>
  records.reduce((cc, c) => insert(cc, c, max).closed, NO_CLOSED);

describe('insert', () => {
  it('appends an empty record after the others', () => {
    const r = insert(fill([rec(1, 5)]), rec(2, 0), 10);
    expect([shape(r.closed), r.dropped]).toEqual(['1 | 2', false]);
  });

  it('puts a non-empty record in the first empty slot and moves that empty record to the end', () => {
    const before = fill([rec(1, 5), rec(2, 0), rec(3, 0)]);
    const r = insert(before, rec(4, 7), 10);
    expect([shape(r.closed), r.dropped, shape(before)]).toEqual(['1 4 | 3 2', false, '1 | 2 3']);
  });

  it('appends a non-empty record when there is no empty one', () => {
    const r = insert(fill([rec(1, 5)]), rec(2, 7), 10);
    expect([shape(r.closed), r.dropped]).toEqual(['1 2 |', false]);
  });

  it('counts a drop at the bound and falls back to dropEmpty', () => {
    const r = insert(fill([rec(1, 5), rec(2, 0)]), rec(3, 7), 2);
    expect([shape(r.closed), r.dropped]).toEqual(['1 3 |', true]);
  });
});

describe('dropEmpty', () => {
  it('overwrites the first empty record with a non-empty newcomer, leaving the old buffer untouched', () => {
    const before = fill([rec(1, 5), rec(2, 0), rec(3, 0)]);
    expect([shape(dropEmpty(before, rec(4, 7))), shape(before)]).toEqual(['1 4 | 3', '1 | 2 3']);
  });

  it('drops an empty newcomer', () => {
    const before = fill([rec(1, 5), rec(2, 0)]);
    expect(dropEmpty(before, rec(3, 0))).toBe(before);
  });

  it('drops a non-empty newcomer when no record is empty', () => {
    const before = fill([rec(1, 5), rec(2, 6)]);
    expect(dropEmpty(before, rec(3, 7))).toBe(before);
  });
});

describe('indexOfCookie', () => {
  it('finds a record by cookie, or -1', () => {
    const cc = fill([rec(1, 5), rec(2, 0)]);
    expect([indexOfCookie(cc, cookie(2)), indexOfCookie(cc, cookie(3))]).toEqual([1, -1]);
  });
});

describe('replaceAt', () => {
  const buffer = () => fill([rec(1, 5, 1), rec(2, 6, 1), rec(3, 0, 1), rec(4, 0, 1)]);

  it('keeps the stored record unless the newcomer is strictly newer', () => {
    const cc = buffer();
    expect(replaceAt(cc, 0, rec(9, 8, 1))).toBe(cc);
    expect(replaceAt(cc, 0, rec(9, 8, 0))).toBe(cc);
  });

  it('replaces nothing at an index past the end', () => {
    const cc = buffer();
    expect(replaceAt(cc, 4, rec(9, 8, 2))).toBe(cc);
  });

  it('never puts an empty record over a non-empty one', () => {
    const cc = buffer();
    expect(replaceAt(cc, 1, rec(9, 0, 2))).toBe(cc);
  });

  it('replaces a non-empty record with a newer non-empty one in place', () => {
    const cc = buffer();
    expect([shape(replaceAt(cc, 1, rec(9, 8, 2))), shape(cc)]).toEqual(['1 9 | 3 4', '1 2 | 3 4']);
  });

  it('replaces an empty record with a newer empty one in place', () => {
    expect(shape(replaceAt(buffer(), 3, rec(9, 0, 2)))).toBe('1 2 | 3 9');
  });

  it('replaces the first empty record with a newer empty one in place', () => {
    // Index emptyStart is the boundary: it holds an empty record, so an empty newcomer may take it.
    expect(shape(replaceAt(buffer(), 2, rec(9, 0, 2)))).toBe('1 2 | 9 4');
  });

  it('moves a non-empty record that replaces an empty one into the non-empty part', () => {
    const cc = buffer();
    expect([shape(replaceAt(cc, 3, rec(9, 8, 2))), shape(cc)]).toEqual(['1 2 9 | 3', '1 2 | 3 4']);
    expect(shape(replaceAt(cc, 2, rec(9, 8, 2)))).toBe('1 2 9 | 4');
  });
});
