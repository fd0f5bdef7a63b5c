/**
 * The audit as the history streams by (history/startAudit.ts, history/README.md "How the audit
 * runs"): claims judged once each poll is in, as the backend receives it; a connection or backend
 * reported once per claim, at its first break, and every wrapped counter each time; violations
 * listed by their subject's first appearance; backends named apart only when there are several;
 * the counts; and the report without its connections for a caller that reads them one by one.
 */
import { describe, expect, it } from 'vitest';
import { auditHistory, hasViolation } from './auditHistory.js';
import type { AuditReport } from './AuditReport.js';
import type { AuditClaim, BackendClaim, ConnectionClaim } from './claims/AuditClaim.js';
import { CloseReportedOnce } from './claims/CloseReportedOnce.js';
import { FailuresWithinCloses } from './claims/FailuresWithinCloses.js';
import { NoLingeringReReport } from './claims/NoLingeringReReport.js';
import { NoUnderflowLeak } from './claims/NoUnderflowLeak.js';
import { RateAtMost100 } from './claims/RateAtMost100.js';
import type { History, HistoryPoll, HistoryRecord } from './History.js';
import { failureCount } from './History.js';
import { startAudit } from './startAudit.js';

const rec = (
  poll: number,
  conn: string,
  closes = 0,
  failures: Record<string, number> = {},
  extra: Partial<HistoryRecord> = {},
): HistoryRecord => ({
  poll,
  client: '1',
  connection: `${conn} ns 0`,
  label: conn,
  lastTcpClosed: closes,
  failures,
  failureCount: failureCount(failures),
  lastBytesSent: 1,
  lastBytesReceived: 2,
  source: `h.jsonl:${poll}`,
  ...extra,
});

const poll = (n: number, records: readonly HistoryRecord[], client = '1'): HistoryPoll => ({
  poll: n,
  client,
  source: `h.jsonl:${n}`,
  records: records.map((r) => ({ ...r, poll: n, client })),
});

const history = (...polls: HistoryPoll[]): History => ({ files: ['h.jsonl'], polls });

const F = { '104': 1 };

const violations = (report: AuditReport, name: string) =>
  report.claims.find((c) => c.name === name)?.violations ?? [];

describe('startAudit', () => {
  it('gives each claim its verdict, in the order of the claims', () => {
    const report = auditHistory(history(poll(1, [rec(1, 'a', 1)])));
    expect(report.claims.map((c) => [c.name, c.verdict, c.statement])).toEqual([
      ['FailuresWithinCloses', 'holds', FailuresWithinCloses.statement],
      ['RateAtMost100', 'holds', RateAtMost100.statement],
      ['CloseReportedOnce', 'holds', CloseReportedOnce.statement],
      ['NoUnderflowLeak', 'holds', NoUnderflowLeak.statement],
      ['NoLingeringReReport', 'holds', NoLingeringReReport.statement],
    ]);
    expect(hasViolation(report)).toBe(false);
  });

  it('counts polls, records and connections, and sums each backend in order of first poll', () => {
    const report = auditHistory(
      history(
        poll(1, [rec(1, 'a', 1), rec(1, 'b')], '2'),
        poll(2, [], '1'),
        poll(3, [rec(3, 'a', 0, F)], '1'),
      ),
    );
    expect([report.files, report.polls, report.records]).toEqual([['h.jsonl'], 3, 3]);
    expect(report.backends).toEqual([
      { client: '2', closes: 1, failures: 0, rate: 0 },
      { client: '1', closes: 0, failures: 1, rate: null },
    ]);
    expect(report.connections.map((c) => [c.client, c.label])).toEqual([
      ['2', 'a'],
      ['2', 'b'],
      ['1', 'a'],
    ]);
  });

  it('judges a poll once it is all in: a failure and its close in one poll hold', () => {
    const report = auditHistory(history(poll(1, [rec(1, 'a', 0, F), rec(1, 'a', 1)])));
    expect(hasViolation(report)).toBe(false);
    expect(report.connections.map((c) => [c.records, c.closes, c.failures])).toEqual([[2, 1, 1]]);
  });

  it('reports a connection once per claim, at its first break', () => {
    const report = auditHistory(
      history(
        poll(1, [rec(1, 'a', 0, F)]),
        poll(2, [rec(2, 'a', 0, F)]),
        poll(3, [rec(3, 'a', 0, F)]),
      ),
    );
    expect(violations(report, 'FailuresWithinCloses').map((v) => [v.subject, v.poll])).toEqual([
      ['a', 1],
    ]);
    expect(violations(report, 'RateAtMost100').map((v) => [v.subject, v.poll])).toEqual([
      ['backend', 1],
    ]);
    expect(report.connections[0]?.violated).toEqual(['FailuresWithinCloses']);
    expect(hasViolation(report)).toBe(true);
  });

  it('reports every wrapped counter, also on a connection that wrapped before', () => {
    const u = [{ field: 'lastBytesSent', value: '18446744073709551615', difference: '-1' }];
    const report = auditHistory(
      history(
        poll(1, [rec(1, 'a', 0, {}, { underflows: u })]),
        poll(2, [rec(2, 'a', 0, {}, { underflows: u }), rec(2, 'b', 0, {}, { underflows: u })]),
      ),
    );
    expect(violations(report, 'NoUnderflowLeak').map((v) => [v.subject, v.poll])).toEqual([
      ['a', 1],
      ['a', 2],
      ['b', 2],
    ]);
    expect(report.connections.map((c) => c.violated)).toEqual([
      ['NoUnderflowLeak'],
      ['NoUnderflowLeak'],
    ]);
  });

  it('lists violations by their subject’s first appearance, not by when they were found', () => {
    const report = auditHistory(
      history(
        poll(1, [rec(1, 'a', 1), rec(1, 'b', 0, F)]),
        poll(2, [rec(2, 'a', 0, { '104': 2 })]),
      ),
    );
    expect(violations(report, 'FailuresWithinCloses').map((v) => [v.subject, v.poll])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('names backends apart only when there are several, ranked by first poll', () => {
    const one = auditHistory(history(poll(1, [rec(1, 'a', 0, F)], '7')));
    expect(violations(one, 'RateAtMost100').map((v) => [v.subject, v.client])).toEqual([
      ['backend', '7'],
    ]);
    const two = auditHistory(
      history(
        poll(1, [rec(1, 'a', 1)], '2'),
        poll(2, [rec(2, 'a', 0, F)], '1'),
        poll(3, [rec(3, 'b', 0, { '104': 2 })], '2'),
      ),
    );
    const v = violations(two, 'RateAtMost100');
    expect(v.map((x) => [x.subject, x.poll])).toEqual([
      ['backend of client 2', 3],
      ['backend of client 1', 2],
    ]);
    // The fields in the order of the report (docs/formats.md#audit-report).
    expect(Object.keys(v[0] ?? {})).toEqual([
      'claim',
      'client',
      'connection',
      'subject',
      'poll',
      'detail',
      'witness',
    ]);
  });

  it('keeps what a later claim needs after an earlier one broke', () => {
    // FailuresWithinCloses breaks at poll 1; the double close at polls 2 and 3 still has its witness.
    const report = auditHistory(
      history(
        poll(1, [rec(1, 'a', 0, { '104': 3 })]),
        poll(2, [rec(2, 'a', 1)]),
        poll(3, [rec(3, 'a', 1)]),
      ),
    );
    expect(violations(report, 'CloseReportedOnce').map((v) => [v.poll, v.witness.polls])).toEqual([
      [3, [2, 3]],
    ]);
    expect(report.connections[0]?.violated).toEqual(['FailuresWithinCloses', 'CloseReportedOnce']);
  });

  it('judges a connection only in the polls that ship it, with the records of that poll', () => {
    const seen: [number, number[], number][] = [];
    const spy: ConnectionClaim = {
      scope: 'connection',
      name: 'Spy',
      statement: 'records what it is asked',
      judge: (c, shipped, p) => {
        seen.push([p, shipped.map((r) => r.lastTcpClosed), c.closes]);
        return null;
      },
    };
    const run = startAudit([spy]);
    run.add(poll(1, [rec(1, 'a', 1), rec(1, 'b'), rec(1, 'a', 2)]));
    run.add(poll(2, [rec(2, 'b', 4)]));
    run.add(poll(3, []));
    run.add(poll(4, [rec(4, 'a')]));
    expect(seen).toEqual([
      [1, [1, 2], 3],
      [1, [0], 0],
      [2, [4], 4],
      [4, [0], 3],
    ]);
  });

  it('judges a backend only after polls that ship records, and stops at its first break', () => {
    const seen: number[] = [];
    const spy: BackendClaim = {
      scope: 'backend',
      name: 'Spy',
      statement: 'breaks at poll 3',
      judge: (b, p) => {
        seen.push(p);
        return p < 3
          ? null
          : {
              claim: 'Spy',
              client: b.client,
              connection: null,
              poll: p,
              detail: 'd',
              witness: { polls: [], records: [], closes: 0, failures: 0 },
            };
      },
    };
    const run = startAudit([spy]);
    for (const [n, records] of [
      [1, [rec(1, 'a')]],
      [2, []],
      [3, [rec(3, 'a')]],
      [4, [rec(4, 'a')]],
    ] as const)
      run.add(poll(n, records));
    expect(seen).toEqual([1, 3]);
    expect(run.finish(['h.jsonl']).claims[0]?.violations.map((v) => [v.subject, v.poll])).toEqual([
      ['backend', 3],
    ]);
  });

  it("keeps a backend's records until every backend claim has broken", () => {
    // Arrange: a backend claim that breaks at once, then RateAtMost100, which needs the records.
    const atOnce: BackendClaim = {
      scope: 'backend',
      name: 'AtOnce',
      statement: 'breaks at the first poll',
      judge: (b, p) => ({
        claim: 'AtOnce',
        client: b.client,
        connection: null,
        poll: p,
        detail: 'd',
        witness: { polls: [], records: [], closes: 0, failures: 0 },
      }),
    };
    // Act
    const report = auditHistory(
      history(poll(1, [rec(1, 'a', 1)]), poll(2, [rec(2, 'b', 0, { '104': 2 })])),
      [atOnce, RateAtMost100],
    );
    // Assert
    expect(violations(report, 'RateAtMost100').map((v) => [v.poll, v.witness.polls])).toEqual([
      [2, [1, 2]],
    ]);
  });

  it('judges only the claims it is given, each at its own index', () => {
    const claims: readonly AuditClaim[] = [NoUnderflowLeak, NoLingeringReReport, RateAtMost100];
    const report = auditHistory(
      history(poll(1, [rec(1, 'a', 1, F)]), poll(2, [rec(2, 'a', 0, F)])),
      claims,
    );
    expect(report.claims.map((c) => [c.name, c.verdict])).toEqual([
      ['NoUnderflowLeak', 'holds'],
      ['NoLingeringReReport', 'violated'],
      ['RateAtMost100', 'violated'],
    ]);
    expect(report.connections[0]?.violated).toEqual(['NoLingeringReReport']);
  });

  it('leaves the connections out of the report on request, for summaries one at a time', () => {
    const run = startAudit();
    run.add(poll(1, [rec(1, 'a', 1), rec(1, 'b')]));
    const report = run.finish(['h.jsonl'], false);
    expect(report.connections).toEqual([]);
    const list = run.summaries();
    expect(list.count).toBe(2);
    expect([...list.each()].map((c) => [c.label, c.closes])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    expect(run.finish(['h.jsonl']).connections).toHaveLength(2);
  });
});
