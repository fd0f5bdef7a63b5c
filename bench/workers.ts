/**
 * The workers section: `lingering explore --workers k` for k = 1, 2 and the machine's available
 * parallelism (deduplicated), deferred-move × postfix and original × postfix at L = 1, N = 4
 * (N = 3 and k = 1, 2 with --quick): distinct states (the same for every k), times, peak memory,
 * and the speed-up of the search over one worker. An explorer without `--workers` (exit 2) gives
 * "n/a" rows, so the bench runs either way.
 *
 * Leaves out: the split of work between workers (the explorer does not report it).
 */
import { availableParallelism } from 'node:os';
import type { Bench } from './benchSettings.js';
import { pairName, PAIRS } from './benchSettings.js';
import type { Ours, Run } from './explorerRun.js';
import { explore } from './explorerRun.js';
import { failed } from './vsSpin.js';
import { mb, n, NONE, out, ratio, s, table } from './tables.js';

const HEADER = [
  ...['pair', 'N', 'L', 'workers', 'distinct', 'complete', 'search s', 'process s'],
  ...['peak MB', 'speed-up (search)'],
];

/** The worker counts to try: 1, 2 and all the machine has, each once. */
const workerCounts = (quick: boolean, cores = availableParallelism()): readonly number[] =>
  [...new Set(quick ? [1, 2] : [1, 2, cores])].sort((a, b) => a - b);

const unsupported = (r: Run<Ours>) =>
  r.failure === 'bad arguments' && /got "--workers"/.test(r.detail);

/** One row: a run's figures, its failure, or n/a. */
function cells(r: Run<Ours>, one: Run<Ours> | undefined, maxSeconds: number): string[] {
  if (unsupported(r)) return ['n/a (--workers not supported)', ...Array<string>(5).fill(NONE)];
  const f = r.figures;
  if (f === null)
    return [failed(r, maxSeconds), NONE, NONE, s(r.processSeconds), mb(r.peakKb), NONE];
  const base = one?.figures;
  return [
    n(f.distinctStates),
    f.complete ? 'yes' : 'no (cap)',
    s(f.wallMs / 1000),
    s(r.processSeconds),
    mb(r.peakKb),
    base == null ? NONE : ratio(base.wallMs, f.wallMs),
  ];
}

/** Runs and prints the section. */
export function workers(b: Bench): void {
  const flows = b.quick ? 3 : 4;
  const rows = [HEADER];
  for (const pair of [PAIRS[2], PAIRS[1]]) {
    let one: Run<Ours> | undefined;
    for (const k of workerCounts(b.quick)) {
      const extra = ['--workers', String(k)];
      const r = explore({ ...pair, flows, layers: 1, cap: b.cap, extra }, b.maxSeconds);
      if (k === 1) one = r;
      const head = [pairName(pair), String(flows), '1', String(k)];
      rows.push([...head, ...cells(r, one, b.maxSeconds)]);
    }
  }
  out(`Workers (explore --workers k; ${availableParallelism()} available here), L=1:`);
  out(table(rows));
  out();
}
