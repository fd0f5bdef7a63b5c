/**
 * NoLingeringReReport (history/claims/NoLingeringReReport.ts): after a connection's first shipped
 * close, a record of a later poll with failures and no close is the lingering signature. A record
 * of the close's own poll, one with a close, or one without failures is not.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../History.js';
import { failureCount } from '../History.js';
import type { ConnectionSoFar } from './AuditClaim.js';
import { NoLingeringReReport } from './NoLingeringReReport.js';

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

const soFar = (firstClose: HistoryRecord | null): ConnectionSoFar => ({
  client: '1',
  connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
  label: 'tcp v4 pid 1 a:1 → b:2',
  closes: 1,
  failures: 1,
  polls: [1],
  kept: [],
  firstClose,
});

const CLOSE = rec(1, 1, { '104': 1 });
// Its poll is that of the re-report, not the one the audit is at: the judge takes no poll.
const judge = (shipped: readonly HistoryRecord[], first: HistoryRecord | null = CLOSE) =>
  NoLingeringReReport.judge(soFar(first), shipped);

describe('NoLingeringReReport', () => {
  it('is about each connection', () => {
    expect([
      NoLingeringReReport.name,
      NoLingeringReReport.scope,
      NoLingeringReReport.statement,
    ]).toEqual([
      'NoLingeringReReport',
      'connection',
      'a connection that shipped a close never ships again with failures and no close',
    ]);
  });

  it('finds a later record with failures and no close, its witness the close and the re-report', () => {
    const again = rec(3, 0, { '104': 1, '110': 2 });
    const v = judge([again]);
    expect(v).toMatchObject({
      claim: 'NoLingeringReReport',
      client: '1',
      connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
      subject: 'tcp v4 pid 1 a:1 → b:2',
      poll: 3,
      detail: 'closed at poll 1, shipped again at poll 3 with failures {104:1, 110:2} and no close',
    });
    expect(v?.witness.records).toEqual([CLOSE, again]);
    expect([v?.witness.polls, v?.witness.closes, v?.witness.failures]).toEqual([[1, 3], 1, 4]);
  });

  it('names the first re-report among the records shipped', () => {
    const v = judge([rec(2, 0), rec(2, 0, { '111': 1 }), rec(2, 0, { '104': 1 })]);
    expect(v?.detail).toBe(
      'closed at poll 1, shipped again at poll 2 with failures {111:1} and no close',
    );
  });

  it.each([
    ['no close has shipped', [rec(2, 0, { '104': 1 })], null],
    ['the record is of the close’s own poll', [rec(1, 0, { '104': 1 })], CLOSE],
    ['the record is of an earlier poll', [rec(1, 0, { '104': 1 })], rec(2, 1)],
    ['the record ships a close too', [rec(2, 1, { '104': 1 })], CLOSE],
    ['the record ships no failure', [rec(2, 0)], CLOSE],
    ['nothing shipped', [], CLOSE],
  ])('holds when %s', (_, shipped, first) => {
    expect(judge(shipped, first)).toBeNull();
  });
});
