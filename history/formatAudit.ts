/**
 * The audit for people: one line per claim (✓ or ✗ with the subject, what broke and when), each
 * violation's witness as the records it keeps, one per line (with the flows merged into each,
 * when the history knows them), then a table per connection.
 */
import { formatRate } from '../engine/backend/formatRate.js';
import type { AuditReport, ConnectionSummary } from './auditHistory.js';
import { plural } from './claims/AuditClaim.js';
import type { HistoryRecord } from './History.js';

const MAX_WITNESS_LINES = 12;

const errnos = (f: Readonly<Record<string, number>>): string =>
  `{${Object.entries(f)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ')}}`;

/** `flow 1`, `flows 3 + 1` (merged, the kept one first), or nothing for a payload. */
const flowsText = (flows: readonly number[] | undefined, join: string): string =>
  flows === undefined || flows.length === 0
    ? ''
    : `${flows.length === 1 ? 'flow' : 'flows'} ${flows.join(join)}`;

const recordLine = (r: HistoryRecord): string => {
  const flows = flowsText(r.flows, ' + ');
  return `      poll ${r.poll}  lastTcpClosed ${r.lastTcpClosed}  tcpFailuresByErrCode ${errnos(r.failures)}  +${r.lastBytesSent} B sent  +${r.lastBytesReceived} B received${flows === '' ? '' : `  ${flows}`}  (${r.source})`;
};

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2)))
      .join('')
      .trimEnd(),
  );
}

const summaryRow = (c: ConnectionSummary, clients: number): string[] => [
  `${clients > 1 ? `${c.client}: ` : ''}${c.label}${c.flows.length === 0 ? '' : ` (${flowsText(c.flows, ', ')})`}`,
  String(c.records),
  `${c.firstPoll}–${c.lastPoll}`,
  String(c.closes),
  String(c.failures),
  String(c.bytesSent),
  String(c.bytesReceived),
  c.violated.length === 0 ? '✓' : `✗ ${c.violated.join(', ')}`,
];

/**
 * The report as text.
 *
 * @example
 * formatAudit(report, 'audit pr.jsonl').split('\n')[1] //=> '✗ FailuresWithinCloses — tcp v4 pid 4242 …: 2 failures shipped, 1 close, by poll 2 (polls 1, 2)'
 */
export function formatAudit(report: AuditReport, title: string): string {
  const rates = report.backends
    .map(
      (b) =>
        `${report.backends.length > 1 ? `client ${b.client}: ` : ''}${plural(b.failures, 'failure')} / ${plural(b.closes, 'close')} = ${formatRate(b.rate, 'no close yet')}`,
    )
    .join('; ');
  const lines = [
    `${title}: ${plural(report.polls, 'poll')}, ${plural(report.records, 'record')}, ${plural(report.connections.length, 'connection')}; backend ${rates}`,
    '',
  ];
  for (const claim of report.claims) {
    if (claim.verdict === 'holds') {
      lines.push(`✓ ${claim.name}`);
      continue;
    }
    for (const v of claim.violations) {
      lines.push(`✗ ${claim.name} — ${v.subject}: ${v.detail}`);
      lines.push(`    ${claim.statement}`);
      const w = v.witness;
      const rest =
        v.claim === 'CloseReportedOnce' || v.claim === 'NoLingeringReReport'
          ? ''
          : `; every other record up to poll ${v.poll} ships at least as many failures as closes`;
      lines.push(
        `    witness (${plural(w.records.length, 'record')}, ${w.polls.length === 1 ? 'poll' : 'polls'} ${w.polls.join(', ')}: ${plural(w.failures, 'failure')}, ${plural(w.closes, 'close')}${rest}):`,
      );
      for (const r of w.records.slice(0, MAX_WITNESS_LINES))
        lines.push(`${recordLine(r)}${v.connection === null ? `  ${r.label}` : ''}`);
      if (w.records.length > MAX_WITNESS_LINES)
        lines.push(`      … and ${w.records.length - MAX_WITNESS_LINES} more (see --json)`);
    }
  }
  lines.push('');
  const clients = new Set(report.connections.map((c) => c.client)).size;
  lines.push(
    ...table([
      ['connection', 'polls', 'seen', 'closes', 'failures', 'sent B', 'received B', 'verdict'],
      ...report.connections.map((c) => summaryRow(c, clients)),
    ]),
  );
  return `${lines.join('\n')}\n`;
}
