/**
 * FailuresWithinCloses on payloads (history/claims/FailuresWithinCloses.ts): a connection breaks
 * it once its shipped failures exceed its shipped closes, not when they are equal; the finding
 * names the connection, the poll, the totals and the polls so far, and its witness is the sum
 * witness of what the audit keeps (history/README.md, "Witnesses").
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { HistoryRecord } from '../History.js';
import { failureCount } from '../History.js';
import type { ConnectionSoFar } from './AuditClaim.js';
import { FailuresWithinCloses } from './FailuresWithinCloses.js';

const SEED = 20261130;

const rec = (
  poll: number,
  closes: number,
  failures: Record<string, number> = {},
): HistoryRecord => ({
  poll,
  client: '1',
  connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
  label: 'tcp v4 pid 1 a:1 → b:2',
  lastTcpClosed: closes,
  failures,
  failureCount: failureCount(failures),
  lastBytesSent: 0,
  lastBytesReceived: 0,
  source: `h.jsonl:${poll}`,
});

/** The connection as the audit keeps it after `records` (history/ConnectionTable.ts). */
const soFar = (records: readonly HistoryRecord[]): ConnectionSoFar => ({
  client: '1',
  connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
  label: 'tcp v4 pid 1 a:1 → b:2',
  closes: records.reduce((s, r) => s + r.lastTcpClosed, 0),
  failures: records.reduce((s, r) => s + r.failureCount, 0),
  polls: [...new Set(records.map((r) => r.poll))],
  kept: records.filter((r) => r.lastTcpClosed > 0 || r.failureCount !== r.lastTcpClosed),
  firstClose: records.find((r) => r.lastTcpClosed > 0) ?? null,
});

const judge = (records: readonly HistoryRecord[], poll = records.at(-1)?.poll ?? 1) =>
  FailuresWithinCloses.judge(soFar(records), [], poll);

describe('FailuresWithinCloses', () => {
  it('is the invariant of the same name, about each connection', () => {
    expect([FailuresWithinCloses.name, FailuresWithinCloses.scope]).toEqual([
      'FailuresWithinCloses',
      'connection',
    ]);
    expect(FailuresWithinCloses.statement).toBe(
      'per connection, shipped failures ≤ shipped closes',
    );
  });

  it('holds while failures equal closes, and breaks at one failure more', () => {
    const closed = [rec(1, 1, { '104': 1 })];
    expect(judge(closed)).toBeNull();
    expect(judge([...closed, rec(2, 0)])).toBeNull();
    expect(judge([...closed, rec(2, 0, { '104': 1 })])).not.toBeNull();
  });

  it('names the connection, the totals, the poll and the polls so far', () => {
    const v = judge([rec(1, 1, { '104': 1 }), rec(2, 0), rec(3, 0, { '104': 1, '110': 1 })]);
    expect(v).toMatchObject({
      claim: 'FailuresWithinCloses',
      client: '1',
      connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
      subject: 'tcp v4 pid 1 a:1 → b:2',
      poll: 3,
      detail: '3 failures shipped, 1 close, by poll 3 (polls 1–3)',
    });
    expect(judge([rec(2, 0, { '104': 1 })])?.detail).toBe(
      '1 failure shipped, 0 closes, by poll 2 (poll 2)',
    );
  });

  it('gives the fewest kept records whose failures exceed their closes', () => {
    const v = judge([rec(1, 1), rec(2, 0, { '104': 1 }), rec(3, 0, { '104': 2 })]);
    expect(v?.witness.polls).toEqual([1, 3]);
    expect([v?.witness.failures, v?.witness.closes]).toEqual([2, 1]);
  });

  it('is judged by the totals: the records kept only show a break the totals make', () => {
    // Totals of 1 failure and 1 close, whatever the records kept would sum to.
    const c: ConnectionSoFar = {
      ...soFar([rec(1, 1, { '104': 1 })]),
      kept: [rec(1, 0, { '104': 2 })],
    };
    expect(FailuresWithinCloses.judge(c, [], 1)).toBeNull();
  });

  it('finds nothing when what is kept cannot show the sums it is told', () => {
    // Totals of 2 failures and 1 close, but no record kept: no witness, so no finding.
    const c: ConnectionSoFar = { ...soFar([rec(1, 1)]), failures: 2, kept: [] };
    expect(FailuresWithinCloses.judge(c, [], 1)).toBeNull();
  });

  it.prop(
    [
      fc.array(fc.record({ closes: fc.nat(2), failures: fc.nat(3) }), {
        minLength: 1,
        maxLength: 12,
      }),
    ],
    { seed: SEED },
  )('breaks exactly when failures exceed closes, with a witness that does too', (shape) => {
    const records = shape.map((s, i) =>
      rec(i + 1, s.closes, s.failures > 0 ? { '104': s.failures } : {}),
    );
    const c = soFar(records);
    const v = judge(records);
    expect(v !== null).toBe(c.failures > c.closes);
    if (v !== null) {
      expect(v.witness.failures).toBeGreaterThan(v.witness.closes);
      // Every kept record that ships more closes than failures is in the witness.
      for (const r of records.filter((x) => x.lastTcpClosed > x.failureCount))
        expect(v.witness.records).toContain(r);
    }
  });
});
