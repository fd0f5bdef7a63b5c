/**
 * `lingering merge FILE... [--json]`: unions the fingerprint files of a split search (`explore
 * --shard i/n --fingerprints FILE`) into the counts and verdicts of one unsplit search, and says
 * how much work the shards repeated. Exit 1 when an invariant is violated, 0 when none is, 2 on
 * bad input.
 */
import type { FingerprintFile } from '../explorer/fingerprints.js';
import { readFingerprints } from '../explorer/fingerprints.js';
import { mergeFingerprints } from '../explorer/merge.js';
import { flag, InputError, parse } from './args.js';
import { mergeSpec } from './specs/mergeSpec.js';
import type { Io } from './io.js';
import type { MergeReportJson } from './reports/MergeReport.js';
import { MERGE_REPORT_FORMAT } from './reports/MergeReport.js';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Runs `merge`; returns the exit status. */
export function mergeCommand(argv: readonly string[], io: Io): number {
  const p = parse(mergeSpec, argv);
  let files: FingerprintFile[];
  let m;
  try {
    files = p.positionals.map((f) => readFingerprints(f));
    m = mergeFingerprints(files);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new InputError(
      `merge: ${/ENOENT/.test(msg) ? msg.replace(/^.*'(.+)'.*$/, '$1: no such file') : msg}`,
    );
  }
  if (flag(p, 'json')) {
    // `format` names this report; the shards' own format stays under `header`.
    const { format, ...searched } = m.header;
    const report: MergeReportJson = {
      format: MERGE_REPORT_FORMAT,
      ...searched,
      files: p.positionals,
      ...m,
    };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return m.violations.length > 0 ? 1 : 0;
  }
  const b = m.header.bounds;
  const lines = [
    `lingering merge: ${m.header.driver} × ${m.header.agent}, environment ${m.header.environment}, N=${b.flows} in ${b.tuples ?? b.flows} tuple(s), C=${b.callouts}, P=${b.polls}, L=${b.layers}, T=${b.traffic}; ${files.length} file(s), shards ${m.shards.map((s) => `${s.index}/${s.count}`).join(', ')}`,
  ];
  if (!m.allShards)
    lines.push(
      'warning: not every shard of the split is here; the union covers part of the search',
    );
  for (const v of m.violations) lines.push(`✗ ${v.invariant}: shortest trace ${v.depth} events`);
  if (m.violations.length === 0) lines.push('✓ no invariant violated');
  lines.push(
    `${n(m.generated)} states generated, ${n(m.distinctStates)} distinct states found (${n(m.storedStates)} stored by the shards, ${n(m.repeated)} more than once: ${((100 * m.repeated) / Math.max(1, m.distinctStates)).toFixed(1)}% repeated work).`,
    `The depth of the ${m.complete && m.allShards ? 'complete ' : ''}state graph search is ${m.depth}.`,
    `Longest shard ${(m.wallMs / 1000).toFixed(2)} s, all shards ${(m.cpuMs / 1000).toFixed(2)} s; fingerprint collision probability ${m.collisionProbability.toExponential(1)}.`,
  );
  io.out(`${lines.join('\n')}\n`);
  return m.violations.length > 0 ? 1 : 0;
}
