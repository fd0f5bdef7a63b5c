/**
 * The audit for people: one line per claim (✓ or ✗ with the subject, what broke and when), each
 * violation's witness as the records it keeps, one per line (with the flows merged into each,
 * when the history knows them), then a table per connection. Lines are produced one at a time, so
 * that a history of a million connections is written as it is formatted, never joined whole, and
 * no array is spread into a call (its length would be bounded by the engine's argument limit).
 */
import { formatRate } from '../engine/backend/formatRate.js';
import type { AuditReport, ConnectionSummary } from './AuditReport.js';
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

/** `+12 B sent`, or for a counter that wrapped what was shipped and what it stands for. */
const bytesText = (r: HistoryRecord, field: string, n: number, what: string): string => {
  const u = r.underflows?.find((x) => x.field === field);
  return u === undefined
    ? `+${n} B ${what}`
    : `+${n} B ${what} (shipped ${u.value}: ${u.difference.replace('-', '−')} B, wrapped)`;
};

const recordLine = (r: HistoryRecord): string => {
  const flows = flowsText(r.flows, ' + ');
  const sent = bytesText(r, 'lastBytesSent', r.lastBytesSent, 'sent');
  const received = bytesText(r, 'lastBytesReceived', r.lastBytesReceived, 'received');
  return `      poll ${r.poll}  lastTcpClosed ${r.lastTcpClosed}  tcpFailuresByErrCode ${errnos(r.failures)}  ${sent}  ${received}${flows === '' ? '' : `  ${flows}`}  (${r.source})`;
};

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

const HEADER = [
  'connection',
  'polls',
  'seen',
  'closes',
  'failures',
  'sent B',
  'received B',
  'verdict',
];

/**
 * The per-connection summaries as the table reads them: how many, and each in order, made when
 * asked (a million rows need not all be held: `AuditRun.summaries`).
 */
export interface SummaryList {
  readonly count: number;
  readonly each: () => Iterable<ConnectionSummary>;
}

/** The table's rows, header first, each made when asked (twice: widths, then lines). */
function* rows(list: SummaryList, clients: number): Generator<readonly string[]> {
  yield HEADER;
  for (const c of list.each()) yield summaryRow(c, clients);
}

/**
 * The table's lines: every column but the last padded to its widest cell and 2 spaces. The last
 * cell is never empty (a verdict), so no line ends in spaces.
 */
function* table(report: SummaryList): Generator<string> {
  const seen = new Set<string>();
  for (const c of report.each()) seen.add(c.client);
  const widths = HEADER.map(() => 0);
  for (const row of rows(report, seen.size))
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  for (const row of rows(report, seen.size))
    yield row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 2)))
      .join('');
}

/** The lines of one violated claim: each violation, its statement and its witness. */
function* violationLines(claim: AuditReport['claims'][number]): Generator<string> {
  for (const v of claim.violations) {
    yield `✗ ${claim.name} — ${v.subject}: ${v.detail}`;
    yield `    ${claim.statement}`;
    const w = v.witness;
    const rest =
      v.claim === 'CloseReportedOnce' || v.claim === 'NoLingeringReReport'
        ? ''
        : `; every other record up to poll ${v.poll} ships at least as many failures as closes`;
    // A wrapped counter's witness is its record: its closes and failures are beside the point.
    const sums =
      v.claim === 'NoUnderflowLeak'
        ? ''
        : `: ${plural(w.failures, 'failure')}, ${plural(w.closes, 'close')}${rest}`;
    yield `    witness (${plural(w.records.length, 'record')}, ${w.polls.length === 1 ? 'poll' : 'polls'} ${w.polls.join(', ')}${sums}):`;
    for (const r of w.records.slice(0, MAX_WITNESS_LINES))
      yield `${recordLine(r)}${v.connection === null ? `  ${r.label}` : ''}`;
    if (w.records.length > MAX_WITNESS_LINES)
      yield `      … and ${w.records.length - MAX_WITNESS_LINES} more (see --json)`;
  }
}

/**
 * The report as text, line by line (without the line ends).
 *
 * @example
 * [...auditLines(report, 'audit pr.jsonl')][1] //=> ''
 */
export function* auditLines(
  report: AuditReport,
  title: string,
  list: SummaryList = { count: report.connections.length, each: () => report.connections },
): Generator<string> {
  const rates = report.backends
    .map(
      (b) =>
        `${report.backends.length > 1 ? `client ${b.client}: ` : ''}${plural(b.failures, 'failure')} / ${plural(b.closes, 'close')} = ${formatRate(b.rate, 'no close yet')}`,
    )
    .join('; ');
  yield `${title}: ${plural(report.polls, 'poll')}, ${plural(report.records, 'record')}, ${plural(list.count, 'connection')}; backend ${rates}`;
  yield '';
  for (const claim of report.claims) {
    if (claim.verdict === 'holds') yield `✓ ${claim.name}`;
    else yield* violationLines(claim);
  }
  yield '';
  yield* table(list);
}

/**
 * The report as text.
 *
 * @example
 * formatAudit(report, 'audit pr.jsonl').split('\n')[2] //=> '✗ FailuresWithinCloses — tcp v4 pid 4242 …: 2 failures shipped, 1 close, by poll 2 (polls 1, 2)'
 */
export function formatAudit(report: AuditReport, title: string): string {
  let text = '';
  for (const line of auditLines(report, title)) text += `${line}\n`;
  return text;
}
