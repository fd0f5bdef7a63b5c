/**
 * The first violation: SPIN stops at its first assertion failure (failures ≤ closes, i.e.
 * RateAtMost100); the explorer with `--stop --invariant RateAtMost100` does the same, breadth
 * first, so its trace is a shortest one. original × prefix, L = 1, each N of the bench.
 *
 * Leaves out: the other invariants (SPIN's model asserts this one only).
 */
import type { Bench } from './benchSettings.js';
import { capFor, PAIRS } from './benchSettings.js';
import { explore } from './explorerRun.js';
import type { SpinCell } from './spinRun.js';
import { failed } from './vsSpin.js';
import { mb, n, NONE, out, s, table } from './tables.js';

const HEADER = [
  ...[
    'N',
    'L',
    'ours: states',
    'ours: trace',
    'ours: search s',
    'ours: process s',
    'ours: peak MB',
  ],
  ...['SPIN: states', 'SPIN: depth', 'SPIN: pan s', 'SPIN: wall s', 'SPIN: peak MB'],
];

function spinCells(sp: SpinCell): string[] {
  if (sp === null) return [NONE, NONE, NONE, NONE, NONE];
  if ('skipped' in sp) return [`skipped (${sp.skipped})`, NONE, NONE, NONE, NONE];
  const end = sp.outcome === 'stopped' || sp.outcome === 'complete' ? '' : ` (${sp.outcome})`;
  return [
    n(sp.states) + end,
    String(sp.violationDepth ?? NONE),
    s(sp.panSeconds),
    s(sp.wallSeconds),
    mb(sp.peakKb),
  ];
}

/** Runs and prints the table. */
export function firstViolation(b: Bench): void {
  const rows = [HEADER];
  const pair = PAIRS[0];
  for (const flows of b.flows) {
    const extra = ['--stop', '--invariant', 'RateAtMost100'];
    const cap = capFor(b, flows);
    const r = explore({ ...pair, flows, layers: 1, cap, extra }, b.maxSeconds);
    const v = r.figures?.violations.find((x) => x.invariant === 'RateAtMost100');
    const ours =
      r.figures === null
        ? [failed(r, b.maxSeconds), NONE, NONE, s(r.processSeconds)]
        : [
            n(r.figures.distinctStates),
            v === undefined ? NONE : `${v.depth} events`,
            s(r.figures.wallMs / 1000),
            s(r.processSeconds),
          ];
    rows.push([String(flows), '1', ...ours, mb(r.peakKb), ...spinCells(b.spin(flows, pair.spin))]);
  }
  out('original × prefix, to the first violation of failures ≤ closes (RateAtMost100):');
  out(table(rows));
  out();
}
