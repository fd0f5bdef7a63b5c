/**
 * Minimal witnesses (history/witness.ts, history/README.md "Witnesses"): a witness's records are
 * in poll order with their polls and sums; the sum witness keeps every record that helps the claim
 * and adds the largest excesses first, earliest first among equals, only until failures exceed
 * closes; the double-close witness takes the largest closes first until 2 are reached.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { HistoryRecord } from './History.js';
import { sumWitness, twiceClosedWitness, witnessOf } from './witness.js';

const SEED = 20261130;

const rec = (
  poll: number,
  closes: number,
  failures: number,
  source = `h:${poll}`,
): HistoryRecord => ({
  poll,
  client: '1',
  connection: 'c',
  label: 'c',
  lastTcpClosed: closes,
  failures: failures > 0 ? { '104': failures } : {},
  failureCount: failures,
  lastBytesSent: 0,
  lastBytesReceived: 0,
  source,
});

const net = (r: HistoryRecord) => r.failureCount - r.lastTcpClosed;
const sources = (records: readonly HistoryRecord[] | undefined) => records?.map((r) => r.source);

describe('witnessOf', () => {
  it('orders the records by poll, keeping the order of one poll, and sums them', () => {
    const w = witnessOf([
      rec(3, 1, 0, 'a'),
      rec(1, 0, 2, 'b'),
      rec(3, 0, 1, 'c'),
      rec(2, 2, 0, 'd'),
    ]);
    expect(sources(w.records)).toEqual(['b', 'd', 'a', 'c']);
    expect(w.polls).toEqual([1, 2, 3]);
    expect([w.closes, w.failures]).toEqual([3, 3]);
  });

  it('is empty for no records', () => {
    expect(witnessOf([])).toEqual({ polls: [], records: [], closes: 0, failures: 0 });
  });
});

describe('sumWitness', () => {
  it('adds the largest excess first', () => {
    // Kept: net −2 at poll 1; the excess of 3 alone tips it, the excess of 1 is not needed.
    const w = sumWitness([rec(1, 2, 0), rec(2, 0, 1), rec(3, 0, 3)]);
    expect(w?.polls).toEqual([1, 3]);
    expect([w?.failures, w?.closes]).toEqual([3, 2]);
  });

  it('takes the earlier of two equal excesses', () => {
    expect(sumWitness([rec(5, 0, 1, 'late'), rec(2, 0, 1, 'early')])?.polls).toEqual([2]);
    expect(sources(sumWitness([rec(4, 0, 2, 'x'), rec(4, 1, 3, 'y')])?.records)).toEqual(['x']);
  });

  it('stops as soon as failures exceed closes, and not before', () => {
    // −1, then +1 ties it (not enough), +1 again tips it.
    const w = sumWitness([rec(1, 1, 0), rec(2, 0, 1), rec(3, 0, 1), rec(4, 0, 1)]);
    expect(w?.polls).toEqual([1, 2, 3]);
    expect([w?.failures, w?.closes]).toEqual([2, 1]);
  });

  it('leaves out records with as many failures as closes', () => {
    expect(sumWitness([rec(1, 1, 1), rec(2, 0, 0), rec(3, 0, 1)])?.polls).toEqual([3]);
  });

  it('finds none when failures only equal closes, or fall short', () => {
    expect(sumWitness([rec(1, 1, 0), rec(2, 0, 1)])).toBeNull();
    expect(sumWitness([rec(1, 2, 0), rec(2, 0, 1)])).toBeNull();
    expect(sumWitness([])).toBeNull();
  });

  it.prop([fc.array(fc.record({ closes: fc.nat(3), failures: fc.nat(3) }), { maxLength: 12 })], {
    seed: SEED,
  })(
    'exists exactly when failures exceed closes, keeps every helping record and no record it can spare',
    (shape) => {
      const records = shape.map((s, i) => rec(i + 1, s.closes, s.failures, `r${i}`));
      const total = records.reduce((s, r) => s + net(r), 0);
      const w = sumWitness(records);
      expect(w !== null).toBe(total > 0);
      if (w === null) return;
      expect(w.failures).toBeGreaterThan(w.closes);
      expect(w.records.filter((r) => net(r) < 0)).toEqual(records.filter((r) => net(r) < 0));
      expect(w.records.every((r) => net(r) !== 0)).toBe(true);
      // Minimal: without its smallest excess, failures no longer exceed closes.
      const excesses = w.records.filter((r) => net(r) > 0).map(net);
      expect(w.failures - w.closes - Math.min(...excesses)).toBeLessThanOrEqual(0);
      expect(w.polls).toEqual([...new Set(w.records.map((r) => r.poll))]);
    },
  );
});

describe('twiceClosedWitness', () => {
  it('takes the largest close first, then the earliest', () => {
    expect(twiceClosedWitness([rec(1, 1, 0), rec(2, 2, 0)])?.polls).toEqual([2]);
    expect(
      twiceClosedWitness([rec(1, 1, 0), rec(2, 0, 0), rec(3, 1, 0), rec(4, 1, 0)])?.polls,
    ).toEqual([1, 3]);
    expect(twiceClosedWitness([rec(1, 1, 0), rec(2, 1, 0), rec(3, 3, 0)])).toMatchObject({
      polls: [3],
      closes: 3,
    });
  });

  it('leaves the records it is given in their order', () => {
    // Arrange
    const records = [rec(1, 1, 0, 'a'), rec(2, 0, 0, 'b'), rec(3, 2, 0, 'c')];
    // Act
    const w = twiceClosedWitness(records);
    // Assert
    expect(sources(w?.records)).toEqual(['c']);
    expect(sources(records)).toEqual(['a', 'b', 'c']);
  });

  it('finds none below 2 closes', () => {
    expect(twiceClosedWitness([rec(1, 1, 2), rec(2, 0, 1)])).toBeNull();
    expect(twiceClosedWitness([])).toBeNull();
  });

  it.prop([fc.array(fc.nat(3), { maxLength: 12 })], { seed: SEED })(
    'exists exactly when 2 closes have shipped, with the fewest records',
    (closes) => {
      const records = closes.map((n, i) => rec(i + 1, n, 0));
      const w = twiceClosedWitness(records);
      const total = closes.reduce((s, n) => s + n, 0);
      expect(w !== null).toBe(total >= 2);
      if (w === null) return;
      expect(w.closes).toBeGreaterThanOrEqual(2);
      expect(w.records).toHaveLength(Math.max(...closes) >= 2 ? 1 : 2);
    },
  );
});
