/**
 * One shipped record in words: the flow, or for a record the aggregator merged from several flows
 * of one tuple (`connectionAggregator`, pkg/network/state.go; docs/environment.md "4-tuple
 * reuse") the tuple and its flows, then what it carries, and whose failures the payload kept,
 * which the agent design suppressed and which were lost. Leaves out: `Monotonic`.
 */
import { hasFailures } from '../engine/agent/tcpFailures.js';
import { formatFailures } from './formatReplay.js';
import type { ShippedPart, ShippedRecord } from '../engine/EngineState.js';

/** `TCPClosed 1, TCPFailures {104:1}, +100 B`. */
const carries = (r: ShippedRecord): string =>
  `TCPClosed ${r.lastTCPClosed}, TCPFailures ${formatFailures(r.tcpFailures)}, +${r.lastSentBytes} B`;

/** `flow 2 {104:1}` for each part, joined. */
const partList = (parts: readonly ShippedPart[], failures: (p: ShippedPart) => string): string =>
  parts.map((p) => `flow ${p.flow} ${failures(p)}`).join(', ');

/** Whose failures a merged record kept, which the design suppressed, and which were lost. */
function fates(parts: readonly ShippedPart[], suppressed: readonly number[]): string {
  const failed = parts.filter((p) => hasFailures(p.rawFailures));
  const kept = failed.filter((p) => hasFailures(p.failures));
  const cleared = failed.filter((p) => !hasFailures(p.failures) && suppressed.includes(p.flow));
  const lost = failed.filter((p) => !hasFailures(p.failures) && !suppressed.includes(p.flow));
  const out = [
    kept.length === 0 ? '' : `kept ${partList(kept, (p) => formatFailures(p.failures))}`,
    cleared.length === 0
      ? ''
      : `suppressed ${partList(cleared, (p) => formatFailures(p.rawFailures))}`,
    lost.length === 0 ? '' : `lost ${partList(lost, (p) => formatFailures(p.rawFailures))}`,
  ].filter((s) => s !== '');
  return out.length === 0 ? '' : ` (failures: ${out.join('; ')})`;
}

/**
 * The record as the pictures print it; `suppressed` are the flows the poll counted in
 * `windows_lingering_flows`.
 *
 * @example
 * recordText(record, []) //=> 'flow 1 TCPClosed 1, TCPFailures {104:1}, +100 B'
 * recordText(merged, []) //=> 'tuple 1 merged from flows 2 + 1: TCPClosed 1, … (failures: kept flow 2 {104:1}; lost flow 1 {104:1})'
 */
export function recordText(r: ShippedRecord, suppressed: readonly number[]): string {
  if (r.parts.length <= 1) {
    const tuple = r.tuple === r.flow ? '' : ` (tuple ${r.tuple})`;
    return `flow ${r.flow}${tuple} ${carries(r)}`;
  }
  const flows = r.parts.map((p) => p.flow).join(' + ');
  return `tuple ${r.tuple} merged from flows ${flows}: ${carries(r)}${fates(r.parts, suppressed)}`;
}
