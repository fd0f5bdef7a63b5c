/**
 * CloseReportedOnce on payloads (history/claims/CloseReportedOnce.ts): a connection breaks it once
 * 2 closes have shipped, not at 1; the finding says how many times and in which polls, names the
 * flows when the records know them, and its witness is the fewest closing records.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { HistoryRecord } from '../History.js';
import type { ConnectionSoFar } from './AuditClaim.js';
import { CloseReportedOnce } from './CloseReportedOnce.js';

const SEED = 20261130;

const rec = (poll: number, closes: number, flows?: number[]): HistoryRecord => ({
  poll,
  client: '1',
  connection: 'tuple 1',
  label: 'connection 1',
  ...(flows === undefined ? {} : { flows }),
  lastTcpClosed: closes,
  failures: {},
  failureCount: 0,
  lastBytesSent: 0,
  lastBytesReceived: 0,
  source: `r.json#polls[${poll - 1}]`,
});

const soFar = (records: readonly HistoryRecord[]): ConnectionSoFar => ({
  client: '1',
  connection: 'tuple 1',
  label: 'connection 1',
  closes: records.reduce((s, r) => s + r.lastTcpClosed, 0),
  failures: 0,
  polls: [...new Set(records.map((r) => r.poll))],
  kept: records.filter((r) => r.lastTcpClosed > 0),
  firstClose: records.find((r) => r.lastTcpClosed > 0) ?? null,
});

const judge = (records: readonly HistoryRecord[]) =>
  CloseReportedOnce.judge(soFar(records), [], records.at(-1)?.poll ?? 1);

describe('CloseReportedOnce', () => {
  it('has its own statement: payloads show only the "at most" half of the invariant', () => {
    expect([CloseReportedOnce.name, CloseReportedOnce.scope, CloseReportedOnce.statement]).toEqual([
      'CloseReportedOnce',
      'connection',
      'no connection is shipped closed twice (at most 1 close per connection)',
    ]);
  });

  it('holds at one close, and breaks at the second', () => {
    expect(judge([rec(1, 1), rec(2, 0)])).toBeNull();
    expect(judge([rec(1, 1), rec(2, 0), rec(3, 1)])).toMatchObject({
      claim: 'CloseReportedOnce',
      client: '1',
      connection: 'tuple 1',
      subject: 'connection 1',
      poll: 3,
      detail: 'shipped closed 2 times (polls 1, 3)',
      witness: { polls: [1, 3], closes: 2, failures: 0 },
    });
  });

  it('counts a record that ships two closes as closed twice in one poll', () => {
    expect(judge([rec(4, 2)])).toMatchObject({
      detail: 'shipped closed 2 times (polls 4)',
      witness: { polls: [4] },
    });
  });

  it('names the flows that shipped the closes, each once', () => {
    expect(judge([rec(1, 1, [1]), rec(2, 1, [1])])?.detail).toBe(
      'shipped closed 2 times (polls 1, 2; flow 1)',
    );
    expect(judge([rec(1, 1, [1]), rec(2, 1, [3, 1])])?.detail).toBe(
      'shipped closed 2 times (polls 1, 2; flows 1, 3)',
    );
  });

  it('is judged by the total: the records kept only show a double close the total makes', () => {
    expect(
      CloseReportedOnce.judge({ ...soFar([rec(1, 1), rec(2, 1)]), closes: 1 }, [], 2),
    ).toBeNull();
  });

  it('finds nothing when what is kept cannot show the closes it is told', () => {
    expect(CloseReportedOnce.judge({ ...soFar([rec(1, 1)]), closes: 2 }, [], 2)).toBeNull();
  });

  it.prop([fc.array(fc.nat(2), { minLength: 1, maxLength: 10 })], { seed: SEED })(
    'breaks exactly when 2 or more closes have shipped, with a witness of at most 2 records',
    (closes) => {
      const records = closes.map((n, i) => rec(i + 1, n));
      const total = closes.reduce((s, n) => s + n, 0);
      const v = judge(records);
      expect(v !== null).toBe(total >= 2);
      if (v !== null) {
        expect(v.witness.closes).toBeGreaterThanOrEqual(2);
        expect(v.witness.records.length).toBeLessThanOrEqual(2);
        expect(v.detail).toBe(
          `shipped closed ${v.witness.closes} times (polls ${v.witness.polls.join(', ')})`,
        );
      }
    },
  );
});
