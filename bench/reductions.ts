/**
 * What each reduction saves: for the three pairs at N = 2 and 3 (N = 2 only with --quick), L = 1,
 * the explorer with every reduction on, without symmetry, without local minimisation and without
 * partial-order reduction (same verdicts and shortest traces in every column:
 * explorer/reductions.test.ts).
 *
 * Leaves out: persistent sets (`--ample`: the N = 5 section shows them).
 */
import type { Bench } from './benchSettings.js';
import { pairName, PAIRS } from './benchSettings.js';
import type { Ours } from './explorerRun.js';
import { explore, figures } from './explorerRun.js';
import { n, out, ratio, s, table } from './tables.js';

const HEADER = [
  ...['pair', 'N', 'L', 'all on', 'no symmetry', 'no minimisation'],
  ...['no POR: generated', 'POR: generated', 'POR saves'],
];

/** `distinct (cap) (≥ ratio×) in s`: a space against the one with every reduction on. */
const against = (x: Ours, on: Ours) =>
  `${n(x.distinctStates)}${x.complete ? '' : ' (cap)'} (${x.complete ? '' : '≥ '}${ratio(x.distinctStates, on.distinctStates)}) in ${s(x.wallMs / 1000)} s`;

/** Runs and prints the table. */
export function reductions(b: Bench): void {
  const rows = [HEADER];
  for (const p of PAIRS) {
    // With --quick, N = 2 only: N = 3 without minimisation runs to a third of the cap.
    for (const flows of b.quick ? [2] : [2, 3]) {
      const run = (extra: readonly string[], cap = b.cap) =>
        figures(
          explore({ driver: p.driver, agent: p.agent, flows, layers: 1, cap, extra }, b.maxSeconds),
          `${pairName(p)} N=${flows} ${extra.join(' ')}`,
        );
      const on = run([]);
      const noSym = run(['--no-symmetry']);
      // Without minimisation the space is far larger: those runs stop at a third of the cap.
      const noMin = run(['--no-minimise'], Math.ceil(b.cap / 3));
      const noPor = run(['--no-por']);
      rows.push([
        pairName(p),
        String(flows),
        '1',
        `${n(on.distinctStates)} in ${s(on.wallMs / 1000)} s`,
        against(noSym, on),
        against(noMin, on),
        `${n(noPor.generated)} in ${s(noPor.wallMs / 1000)} s`,
        `${n(on.generated)} in ${s(on.wallMs / 1000)} s`,
        `${(100 * (1 - on.generated / noPor.generated)).toFixed(0)}% of steps`,
      ]);
    }
  }
  out('What each reduction saves (same verdicts and shortest traces in every column):');
  out(table(rows));
  out();
}
