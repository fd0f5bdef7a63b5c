/**
 * RateAtMost100 on payloads (history/claims/RateAtMost100.ts): a backend breaks it once its total
 * failures exceed its total closes, not when they are equal; the finding names the client, no
 * connection, the totals and the rate (∞ with no close), with the sum witness of what is kept.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { HistoryRecord } from '../History.js';
import { failureCount } from '../History.js';
import type { BackendSoFar } from './AuditClaim.js';
import { RateAtMost100 } from './RateAtMost100.js';

const SEED = 20261130;

const rec = (
  poll: number,
  closes: number,
  failures: Record<string, number> = {},
): HistoryRecord => ({
  poll,
  client: '2',
  connection: `tuple ${poll}`,
  label: `connection ${poll}`,
  lastTcpClosed: closes,
  failures,
  failureCount: failureCount(failures),
  lastBytesSent: 0,
  lastBytesReceived: 0,
  source: `r.json#polls[${poll - 1}]`,
});

/** The backend as the audit keeps it after `records` (history/AuditState.ts). */
const soFar = (records: readonly HistoryRecord[]): BackendSoFar => ({
  client: '2',
  closes: records.reduce((s, r) => s + r.lastTcpClosed, 0),
  failures: records.reduce((s, r) => s + r.failureCount, 0),
  kept: records.filter((r) => r.failureCount !== r.lastTcpClosed),
});

describe('RateAtMost100', () => {
  it('is the invariant of the same name, about each backend', () => {
    expect([RateAtMost100.name, RateAtMost100.scope, RateAtMost100.statement]).toEqual([
      'RateAtMost100',
      'backend',
      'backend total failures ≤ total closes (rate ≤ 100%)',
    ]);
  });

  it('holds at a rate of 100%, and breaks past it', () => {
    expect(RateAtMost100.judge(soFar([rec(1, 2, { '104': 2 })]), 1)).toBeNull();
    expect(RateAtMost100.judge(soFar([rec(1, 1), rec(2, 0, { '104': 1 })]), 2)).toBeNull();
    const v = RateAtMost100.judge(soFar([rec(1, 1), rec(2, 0, { '104': 2 })]), 2);
    expect(v).toMatchObject({
      claim: 'RateAtMost100',
      client: '2',
      connection: null,
      poll: 2,
      detail: '2 failures over 1 close by poll 2: rate 200%',
    });
    expect(v?.witness.polls).toEqual([1, 2]);
  });

  it('gives the rate as ∞ before any close, and rounds it to a whole percent', () => {
    expect(RateAtMost100.judge(soFar([rec(4, 0, { '104': 1 })]), 4)?.detail).toBe(
      '1 failure over 0 closes by poll 4: rate ∞',
    );
    expect(RateAtMost100.judge(soFar([rec(1, 3), rec(2, 0, { '104': 4 })]), 2)?.detail).toBe(
      '4 failures over 3 closes by poll 2: rate 133%',
    );
  });

  it('is judged by the totals: the records kept only show a break the totals make', () => {
    const b: BackendSoFar = {
      client: '2',
      closes: 1,
      failures: 1,
      kept: [rec(1, 0, { '104': 2 })],
    };
    expect(RateAtMost100.judge(b, 1)).toBeNull();
  });

  it('finds nothing when what is kept cannot show the sums it is told', () => {
    const b: BackendSoFar = { client: '2', closes: 0, failures: 1, kept: [] };
    expect(RateAtMost100.judge(b, 1)).toBeNull();
  });

  it.prop([fc.array(fc.record({ closes: fc.nat(2), failures: fc.nat(3) }), { maxLength: 12 })], {
    seed: SEED,
  })('breaks exactly when total failures exceed total closes', (shape) => {
    const records = shape.map((s, i) =>
      rec(i + 1, s.closes, s.failures > 0 ? { '110': s.failures } : {}),
    );
    const b = soFar(records);
    const v = RateAtMost100.judge(b, records.length);
    expect(v !== null).toBe(b.failures > b.closes);
    if (v !== null) expect(v.witness.failures).toBeGreaterThan(v.witness.closes);
  });
});
