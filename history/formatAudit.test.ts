/**
 * The audit as text (history/formatAudit.ts): the summary line with each backend's rate, one line
 * per claim that holds, each violation with its statement, its witness header (the sums and what
 * the other records ship, for the sum claims only) and its records (at most 12, the label beside
 * each for a backend's), then the table, every column but the last padded to its widest cell.
 */
import { describe, expect, it } from 'vitest';
import type { AuditReport, ClaimVerdict, ConnectionSummary } from './AuditReport.js';
import type { AuditViolation } from './claims/AuditClaim.js';
import { auditLines, formatAudit } from './formatAudit.js';
import type { HistoryRecord } from './History.js';
import { witnessOf } from './witness.js';

const rec = (poll: number, extra: Partial<HistoryRecord> = {}): HistoryRecord => ({
  poll,
  client: '1',
  connection: 'c ns 0',
  label: 'conn c',
  lastTcpClosed: 0,
  failures: { '104': 1 },
  failureCount: 1,
  lastBytesSent: 12,
  lastBytesReceived: 34,
  source: `h.jsonl:${poll}`,
  ...extra,
});

const summary = (extra: Partial<ConnectionSummary> = {}): ConnectionSummary => ({
  client: '1',
  connection: 'c ns 0',
  label: 'conn c',
  flows: [],
  records: 2,
  firstPoll: 1,
  lastPoll: 3,
  closes: 1,
  failures: 2,
  bytesSent: 100,
  bytesReceived: 2000,
  violated: [],
  ...extra,
});

const violation = (
  claim: string,
  records: readonly HistoryRecord[],
  extra: Partial<AuditViolation> = {},
): AuditViolation => ({
  claim,
  client: '1',
  connection: 'c ns 0',
  subject: 'conn c',
  poll: 3,
  detail: 'what broke',
  witness: witnessOf(records),
  ...extra,
});

const verdict = (name: string, violations: readonly AuditViolation[] = []): ClaimVerdict => ({
  name,
  statement: `the statement of ${name}`,
  verdict: violations.length > 0 ? 'violated' : 'holds',
  violations,
});

const report = (extra: Partial<AuditReport> = {}): AuditReport => ({
  files: ['h.jsonl'],
  polls: 3,
  records: 2,
  backends: [{ client: '1', closes: 1, failures: 2, rate: 2 }],
  claims: [verdict('FailuresWithinCloses')],
  connections: [summary()],
  ...extra,
});

const lines = (r: AuditReport) => [...auditLines(r, 'audit h.jsonl')];

describe('formatAudit', () => {
  it('starts with the counts and the backend’s rate, then a blank line', () => {
    expect(lines(report()).slice(0, 2)).toEqual([
      'audit h.jsonl: 3 polls, 2 records, 1 connection; backend 2 failures / 1 close = 200%',
      '',
    ]);
    const one = report({
      polls: 1,
      records: 1,
      backends: [{ client: '1', closes: 0, failures: 1, rate: null }],
      connections: [summary(), summary({ label: 'conn d' })],
    });
    expect(lines(one)[0]).toBe(
      'audit h.jsonl: 1 poll, 1 record, 2 connections; backend 1 failure / 0 closes = no close yet',
    );
  });

  it('gives each client’s rate when there are several backends', () => {
    const r = report({
      backends: [
        { client: '1', closes: 2, failures: 1, rate: 0.5 },
        { client: '2', closes: 0, failures: 0, rate: null },
      ],
    });
    expect(lines(r)[0]).toBe(
      'audit h.jsonl: 3 polls, 2 records, 1 connection; backend client 1: 1 failure / 2 closes = 50%; client 2: 0 failures / 0 closes = no close yet',
    );
  });

  it('writes a claim that holds as one line, between blank lines before the table', () => {
    const r = report({ claims: [verdict('FailuresWithinCloses'), verdict('NoLingeringReReport')] });
    expect(lines(r).slice(1, 5)).toEqual([
      '',
      '✓ FailuresWithinCloses',
      '✓ NoLingeringReReport',
      '',
    ]);
  });

  it('writes a sum claim’s violation with its statement, its sums and its records', () => {
    const w = [
      rec(1, { lastTcpClosed: 1, failures: {}, failureCount: 0 }),
      rec(3, { failures: { '104': 1, '110': 1 }, failureCount: 2 }),
    ];
    const r = report({
      claims: [verdict('FailuresWithinCloses', [violation('FailuresWithinCloses', w)])],
    });
    expect(lines(r).slice(2, 7)).toEqual([
      '✗ FailuresWithinCloses — conn c: what broke',
      '    the statement of FailuresWithinCloses',
      '    witness (2 records, polls 1, 3: 2 failures, 1 close; every other record up to poll 3 ships at least as many failures as closes):',
      '      poll 1  lastTcpClosed 1  tcpFailuresByErrCode {}  +12 B sent  +34 B received  (h.jsonl:1)',
      '      poll 3  lastTcpClosed 0  tcpFailuresByErrCode {104:1, 110:1}  +12 B sent  +34 B received  (h.jsonl:3)',
    ]);
  });

  it('names each record’s connection in a backend’s witness', () => {
    const v = violation('RateAtMost100', [rec(2, { label: 'conn d' })], {
      connection: null,
      subject: 'backend',
      poll: 2,
    });
    expect(lines(report({ claims: [verdict('RateAtMost100', [v])] })).slice(4, 6)).toEqual([
      '    witness (1 record, poll 2: 1 failure, 0 closes; every other record up to poll 2 ships at least as many failures as closes):',
      '      poll 2  lastTcpClosed 0  tcpFailuresByErrCode {104:1}  +12 B sent  +34 B received  (h.jsonl:2)  conn d',
    ]);
  });

  it('gives the sums but not the other records for a double close or a re-report', () => {
    for (const claim of ['CloseReportedOnce', 'NoLingeringReReport']) {
      const v = violation(claim, [rec(1, { lastTcpClosed: 1 }), rec(4, { lastTcpClosed: 1 })]);
      expect(lines(report({ claims: [verdict(claim, [v])] }))[4]).toBe(
        '    witness (2 records, polls 1, 4: 2 failures, 2 closes):',
      );
    }
  });

  it('gives a wrapped counter’s record without sums, with what was shipped beside the 0 counted', () => {
    const sent = { field: 'lastBytesSent', value: '18446744073709551614', difference: '-2' };
    const received = {
      field: 'lastBytesReceived',
      value: '9223372036854775808',
      difference: '-9223372036854775808',
    };
    const one = (underflows: HistoryRecord['underflows'], bytes: Partial<HistoryRecord>) =>
      lines(
        report({
          claims: [
            verdict('NoUnderflowLeak', [
              violation('NoUnderflowLeak', [rec(2, { underflows, ...bytes })]),
            ]),
          ],
        }),
      ).slice(4, 6);
    expect(one([sent], { lastBytesSent: 0 })).toEqual([
      '    witness (1 record, poll 2):',
      '      poll 2  lastTcpClosed 0  tcpFailuresByErrCode {104:1}  +0 B sent (shipped 18446744073709551614: −2 B, wrapped)  +34 B received  (h.jsonl:2)',
    ]);
    expect(one([received], { lastBytesReceived: 0 })[1]).toBe(
      '      poll 2  lastTcpClosed 0  tcpFailuresByErrCode {104:1}  +12 B sent  +0 B received (shipped 9223372036854775808: −9223372036854775808 B, wrapped)  (h.jsonl:2)',
    );
  });

  it('names the flows merged into a record, the kept one first', () => {
    const line = (flows: readonly number[]) =>
      lines(
        report({
          claims: [
            verdict('CloseReportedOnce', [violation('CloseReportedOnce', [rec(1, { flows })])]),
          ],
        }),
      )[5];
    expect(line([1])).toBe(
      '      poll 1  lastTcpClosed 0  tcpFailuresByErrCode {104:1}  +12 B sent  +34 B received  flow 1  (h.jsonl:1)',
    );
    expect(line([3, 1])).toContain('+34 B received  flows 3 + 1  (h.jsonl:1)');
    expect(line([])).toContain('+34 B received  (h.jsonl:1)');
  });

  it('shows at most 12 records of a witness, and says how many more', () => {
    const many = (n: number) =>
      lines(
        report({
          claims: [
            verdict('FailuresWithinCloses', [
              violation(
                'FailuresWithinCloses',
                Array.from({ length: n }, (_, i) => rec(i + 1)),
              ),
            ]),
          ],
        }),
      ).filter((l) => l.startsWith('      '));
    expect(many(12)).toHaveLength(12);
    const thirteen = many(13);
    expect(thirteen).toHaveLength(13);
    expect(thirteen.at(-2)).toContain('poll 12 ');
    expect(thirteen.at(-1)).toBe('      … and 1 more (see --json)');
    expect(many(20).at(-1)).toBe('      … and 8 more (see --json)');
  });

  it('writes each violation of a claim in turn', () => {
    const v = [
      violation('CloseReportedOnce', [rec(1)], { subject: 'conn a', detail: 'one' }),
      violation('CloseReportedOnce', [rec(2)], { subject: 'conn b', detail: 'two' }),
    ];
    const heads = lines(report({ claims: [verdict('CloseReportedOnce', v)] })).filter((l) =>
      l.startsWith('✗'),
    );
    expect(heads).toEqual([
      '✗ CloseReportedOnce — conn a: one',
      '✗ CloseReportedOnce — conn b: two',
    ]);
  });

  it('ends with the table, every column but the last padded to its widest cell and 2 spaces', () => {
    const r = report({
      connections: [
        summary({ violated: ['FailuresWithinCloses', 'NoLingeringReReport'] }),
        summary({
          label: 'conn longer',
          flows: [1, 3],
          records: 12,
          firstPoll: 10,
          lastPoll: 12,
          closes: 0,
          failures: 0,
          bytesSent: 5,
          bytesReceived: 6,
        }),
        summary({ label: 'conn d', flows: [2] }),
      ],
    });
    expect(lines(r).slice(-4)).toEqual([
      'connection                polls  seen   closes  failures  sent B  received B  verdict',
      'conn c                    2      1–3    1       2         100     2000        ✗ FailuresWithinCloses, NoLingeringReReport',
      'conn longer (flows 1, 3)  12     10–12  0       0         5       6           ✓',
      'conn d (flow 2)           2      1–3    1       2         100     2000        ✓',
    ]);
  });

  it('names the client of each row when there are several', () => {
    const r = report({ connections: [summary(), summary({ client: '2' })] });
    expect(
      lines(r)
        .slice(-2)
        .map((l) => l.split('  ')[0]),
    ).toEqual(['1: conn c', '2: conn c']);
  });

  it('reads the rows from the list it is given, and joins the lines with newlines', () => {
    const r = report({ connections: [] });
    const list = { count: 1, each: () => [summary({ label: 'from the list' })] };
    const text = [...auditLines(r, 'audit', list)];
    expect(text[0]).toContain('1 connection;');
    expect(text.at(-1)).toMatch(/^from the list {2}/);
    expect(formatAudit(report(), 'audit h.jsonl')).toBe(`${lines(report()).join('\n')}\n`);
  });
});
