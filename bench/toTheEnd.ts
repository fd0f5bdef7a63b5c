/**
 * N = 5 to its end: deferred-move × postfix, L = 1, at the full cap (--max-states), with sleep
 * sets (the default) and with persistent sets (`--ample`: fewer states, the same verdicts), where
 * the table against SPIN stops its N ≥ 5 rows at a quarter of the cap.
 *
 * Leaves out: the other pairs (their N = 5 spaces exceed the default cap).
 */
import type { Bench } from './benchSettings.js';
import { explore } from './explorerRun.js';
import { failed } from './vsSpin.js';
import { mb, n, out, s } from './tables.js';

/** Runs and prints the two lines. */
export function toTheEnd(b: Bench): void {
  for (const extra of [[], ['--ample']] as const) {
    const request = { driver: 'deferred-move', agent: 'postfix', flows: 5, layers: 1 };
    const r = explore({ ...request, cap: b.cap, extra }, b.maxSeconds);
    const head = `N=5, L=1, deferred-move × postfix${extra.length > 0 ? ', --ample' : ''}:`;
    const f = r.figures;
    out(
      f === null
        ? `${head} ${failed(r, b.maxSeconds)} after ${s(r.processSeconds)} s, peak ${mb(r.peakKb)} MB`
        : `${head} ${n(f.distinctStates)} distinct states${f.complete ? '' : ' (cap reached)'}, ${s(f.wallMs / 1000)} s search, ${s(r.processSeconds)} s process, ${n(f.statesPerSecond)} states/s, peak ${mb(r.peakKb)} MB`,
    );
  }
  out();
}
