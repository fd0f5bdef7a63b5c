/**
 * "Violating designs to the end": the explorer no longer stops at a violation, so for each
 * original × prefix row of the table against SPIN it prints how many invariants the search found
 * violated, each with its shortest depth, in how many searches (each again without the invariants
 * violated before: explorer/bfs.ts), and whether the search covered every state.
 *
 * Leaves out: the traces themselves (`lingering explore --out-dir` writes them).
 */
import type { VsSpinRow } from './vsSpin.js';
import { failed } from './vsSpin.js';
import { n, out } from './tables.js';

/** One line for a row. */
function line(r: VsSpinRow, maxSeconds: number): string {
  const head = `L=${r.layers}, N=${r.flows}:`;
  if ('skipped' in r.ours) return `${head} skipped (${r.ours.skipped})`;
  const f = r.ours.figures;
  if (f === null) return `${head} ${failed(r.ours, maxSeconds)}`;
  const which = f.violations.map((v) => `${v.invariant} (${v.depth})`).join(', ');
  const complete = f.complete ? 'yes' : `no (cap, ${n(f.distinctStates)} states)`;
  const searches = f.searches ?? [];
  const stored = searches.reduce((a, x) => a + x.distinctStates, 0);
  const how =
    searches.length < 2
      ? 'in one search'
      : `in ${searches.length} searches storing ${n(stored)} states`;
  return `${head} ${f.violations.length} invariants violated ${how}, complete ${complete}${which === '' ? '' : `: ${which}`}`;
}

/** Prints the section from the rows of bench/vsSpin.ts. */
export function violatingToTheEnd(rows: readonly VsSpinRow[], maxSeconds: number): void {
  const prefix = rows.filter((r) => r.pair.driver === 'original' && r.pair.agent === 'prefix');
  if (prefix.length === 0) return;
  out(
    'Violating designs to the end: original × prefix, each violated invariant (shortest depth in events):',
  );
  for (const r of prefix) out(line(r, maxSeconds));
  out();
}
