/**
 * The replay report for people: a per-poll table, then the invariants with ✓ / ✗. A record names
 * its flow, and its tuple when that is another flow's number or the aggregator merged several
 * flows into it (docs/environment.md "4-tuple reuse").
 */
import type { TCPFailures } from '../engine/agent/tcpFailures.js';
import { formatRate } from '../engine/backend/formatRate.js';
import type { ReplayReport, ReportRecord } from '../checking/replayReport.js';
import { maxOf } from './maxOf.js';

/** `{104:1}` or `{}`. */
export const formatFailures = (f: TCPFailures): string =>
  `{${Object.entries(f)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ')}}`;

/**
 * The record's flow or flows, and its tuple when that says more.
 *
 * @example
 * recordName({ flow: 1, tuple: 1, flows: [1, 3], ... }) //=> 'flows 1 + 3 (tuple 1)'
 */
export function recordName(r: Pick<ReportRecord, 'flow' | 'tuple' | 'flows'>): string {
  const flows = r.flows.length === 0 ? [r.flow] : r.flows;
  const name = flows.length === 1 ? `flow ${flows[0]}` : `flows ${flows.join(' + ')}`;
  return flows.length === 1 && r.tuple === flows[0] ? name : `${name} (tuple ${r.tuple})`;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));

/** Renders the report as text. */
export function formatReplay(report: ReplayReport, title: string): string {
  const lines: string[] = [];
  lines.push(
    `${title}: driver ${report.driver}, agent ${report.agent}, L=${report.layers}, ${report.clients} client${report.clients === 1 ? '' : 's'}, ${report.events} events`,
  );
  lines.push('');
  const head = [
    'poll',
    'client',
    'closes',
    'failures',
    'rate',
    'windows_lingering_flows',
    'shipped records',
  ];
  const rows = report.polls.map((p) => [
    String(p.poll),
    String(p.client),
    String(p.backend.closes),
    String(p.backend.failures),
    formatRate(p.backend.rate),
    String(p.telemetry.windows_lingering_flows),
    p.records.length === 0
      ? '(nothing shipped)'
      : p.records
          .map(
            (r) =>
              `${recordName(r)}: TCPClosed ${r.lastTCPClosed}, failures ${formatFailures(r.tcpFailures)}, +${r.lastSentBytes} B`,
          )
          .join('; '),
  ]);
  const widths = head.map((h, i) =>
    maxOf(
      rows.map((r) => (r[i] ?? '').length),
      h.length,
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  lines.push(line(head));
  for (const r of rows) lines.push(line(r));
  if (report.polls.length === 0) lines.push('(the trace has no poll)');
  lines.push('');
  lines.push(
    `invariants (safety after every event; quiescence after a close-out of ${report.closeOutEvents} events):`,
  );
  for (const v of report.invariants) {
    if (v.verdict === 'holds') lines.push(`  ✓ ${v.name}`);
    else {
      const where = v.step === undefined ? 'at quiescence' : `after event ${v.step}`;
      lines.push(`  ✗ ${v.name} — ${v.subject}: ${v.detail} (${where})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
