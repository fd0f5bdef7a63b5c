/**
 * The explorer against SPIN, row by row: for L = 1 and 4 and each N of the bench, the three pairs
 * of SPIN's model, the explorer's figures (states, violated invariants, whether the search ended,
 * times, rate, peak memory) beside pan's (states, how it ended, times, rate, peak memory), and
 * the ratios. A run whose smaller N already ran out of time or memory is skipped, for the explorer
 * and for SPIN alike: a larger N can only be worse.
 *
 * Leaves out: the first-violation runs (bench/firstViolation.ts) and the other sections.
 */
import type { Bench, Pair } from './benchSettings.js';
import { capFor, flowsAt, pairName, PAIRS } from './benchSettings.js';
import type { Ours, Run } from './explorerRun.js';
import { explore } from './explorerRun.js';
import type { SpinCell, SpinFigures } from './spinRun.js';
import { mb, n, NONE, out, ratio, s, table } from './tables.js';

/** One explorer run of the table, or why it was skipped. */
export type OursCell = Run<Ours> | { readonly skipped: string };

/** One row's runs. */
export interface VsSpinRow {
  readonly pair: Pair;
  readonly layers: number;
  readonly flows: number;
  readonly ours: OursCell;
  readonly spin: SpinCell;
}

const HEADER = [
  ...['pair', 'L', 'N', 'distinct', 'generated', 'depth', 'violated', 'complete', 'workers'],
  ...['search s', 'process s', 'distinct/s'],
  ...['SPIN states', 'SPIN pan s', 'SPIN wall s', 'SPIN states/s'],
  ...['peak MB ours', 'peak MB pan', 'wall ours/SPIN', 'rate ours/SPIN'],
];

/** Why a run has no figures, as its table cell says it. */
export const failed = (r: Run<unknown>, maxSeconds: number): string =>
  r.failure === 'timeout' ? `timeout (${maxSeconds} s)` : (r.failure ?? 'failed');

/** The nine explorer cells after pair, L and N. */
function oursCells(c: OursCell, maxSeconds: number): string[] {
  if ('skipped' in c) return [`skipped (${c.skipped})`, ...Array<string>(8).fill(NONE)];
  const r = c.figures;
  if (r === null) {
    const rest = [NONE, NONE, NONE, NONE, NONE, NONE, s(c.processSeconds), NONE];
    return [failed(c, maxSeconds), ...rest];
  }
  return [
    n(r.distinctStates),
    n(r.generated),
    String(r.depth),
    String(r.violations.length),
    r.complete ? 'yes' : 'no (cap)',
    String(r.workers ?? 1),
    s(r.wallMs / 1000),
    s(c.processSeconds),
    n(r.statesPerSecond),
  ];
}

const spinEnd: Record<SpinFigures['outcome'], string> = {
  complete: '',
  stopped: ' (stopped)',
  'out of memory': ' (out of memory)',
  timeout: ' (timeout)',
};

/** The four SPIN cells. */
function spinCells(sp: SpinCell): string[] {
  if (sp === null) return [NONE, NONE, NONE, NONE];
  if ('skipped' in sp) return [`skipped (${sp.skipped})`, NONE, NONE, NONE];
  return [n(sp.states) + spinEnd[sp.outcome], s(sp.panSeconds), s(sp.wallSeconds), n(sp.rate)];
}

/** Peak memory side by side, then the ratios (wall time only when pan's search ended). */
function lastCells(c: OursCell, sp: SpinCell): string[] {
  const ours = 'skipped' in c ? null : c;
  const pan = sp === null || 'skipped' in sp ? null : sp;
  const peaks = [ours === null ? NONE : mb(ours.peakKb), pan === null ? NONE : mb(pan.peakKb)];
  if (ours?.figures == null || pan === null) return [...peaks, NONE, NONE];
  const ended = pan.outcome === 'complete' || pan.outcome === 'stopped';
  return [
    ...peaks,
    ended ? ratio(ours.processSeconds, pan.wallSeconds) : NONE,
    ratio(ours.figures.statesPerSecond, pan.rate),
  ];
}

/** The explorer's run for a row, unless a smaller N of the same pair and L already failed. */
function oursFor(b: Bench, p: Pair, flows: number, layers: number, before: OursCell | undefined) {
  if (before !== undefined && !('skipped' in before)) {
    const f = before.failure;
    if (f === 'timeout' || f === 'out of memory') return { skipped: `N=${flows - 1}: ${f}` };
  }
  if (before !== undefined && 'skipped' in before) return before;
  const cap = capFor(b, flows);
  return explore({ driver: p.driver, agent: p.agent, flows, layers, cap }, b.maxSeconds);
}

/** Runs and prints the table, one line per row as it goes and then aligned; returns its rows. */
export function vsSpin(b: Bench): readonly VsSpinRow[] {
  const rows: VsSpinRow[] = [];
  const lines = [HEADER];
  for (const layers of [1, 4]) {
    const last = new Map<Pair, OursCell>();
    for (const flows of flowsAt(b, layers)) {
      for (const pair of PAIRS) {
        const ours = oursFor(b, pair, flows, layers, last.get(pair));
        last.set(pair, ours);
        const spin = b.spin(flows, pair.spin);
        rows.push({ pair, layers, flows, ours, spin });
        const line = [pairName(pair), String(layers), String(flows)];
        line.push(...oursCells(ours, b.maxSeconds), ...spinCells(spin), ...lastCells(ours, spin));
        lines.push(line);
        out(line.join(' | '));
      }
    }
  }
  out();
  out(table(lines));
  notes(b);
  return rows;
}

function notes(b: Bench): void {
  out(
    `complete no (cap): stopped at the cap (${n(b.cap)} states; ${n(capFor(b, 5))} at N ≥ 5); the figures cover the states stored.`,
  );
  out(
    'violated: invariants violated (the explorer goes on to every state and every invariant). SPIN (stopped): pan stopped at its',
  );
  out(
    'first assertion failure; (out of memory): pan reached -DMEMLIM; (timeout): interrupted at the time limit. skipped: a smaller N',
  );
  out(
    'of the same row already ran out of time or memory. SPIN has no L: L = 4 rows repeat its L = 1 figures. peak MB: resident set',
  );
  out(
    '(GNU time) of the explorer process and of pan alone. wall ours/SPIN compares whole processes (tsx start-up; spin -a + gcc + pan).',
  );
  out();
}
