/**
 * What every section of the bench shares: its options, the pairs SPIN's model has, the flow
 * counts, the per-run bounds, and the SPIN runner.
 *
 * Leaves out: reading the command line (bench/bench.ts does).
 */
import type { SpinCell } from './spinRun.js';

/** The bench's settings and its SPIN runner. */
export interface Bench {
  /** --quick: N ≤ 3 (N = 2 at L = 4 and in the reductions), short workers, no N = 5 section. */
  readonly quick: boolean;
  /** --max-states: the explorer's cap per run at N ≤ 4. */
  readonly cap: number;
  /** --max-seconds: the wall-clock limit of every explorer and pan run. */
  readonly maxSeconds: number;
  /** The flow counts of the explorer-against-SPIN table at L = 1 (bench/vsSpin.ts). */
  readonly flows: readonly number[];
  /** SPIN on the model with -DN=flows and these defines, memoised (bench/spinRun.ts). */
  readonly spin: (flows: number, defines: string) => SpinCell;
}

/** The three pairs of SPIN's model (bench/spin/README.md), with its defines for each. */
export const PAIRS = [
  { driver: 'original', agent: 'prefix', spin: '-DPOSTFIX=0 -DFIX=0' },
  { driver: 'original', agent: 'postfix', spin: '-DPOSTFIX=1 -DFIX=0' },
  { driver: 'deferred-move', agent: 'postfix', spin: '-DPOSTFIX=1 -DFIX=1' },
] as const;

/** One of {@link PAIRS}. */
export type Pair = (typeof PAIRS)[number];

/** `original × prefix`. */
export const pairName = (p: { readonly driver: string; readonly agent: string }): string =>
  `${p.driver} × ${p.agent}`;

/**
 * The cap of an explorer run at `flows`: at N ≥ 5 a quarter of --max-states, so that the twelve
 * N = 5 and 6 rows (none complete within 30 M but one) measure rate and memory at scale in the
 * bench's time budget; the N = 5 section runs the one that completes to its end.
 */
export const capFor = (b: Bench, flows: number): number =>
  flows >= 5 ? Math.ceil(b.cap / 4) : b.cap;

/** The flow counts at `layers`: with --quick, L = 4 stops at N = 2 (its N = 3 takes minutes). */
export const flowsAt = (b: Bench, layers: number): readonly number[] =>
  b.quick && layers > 1 ? b.flows.filter((f) => f <= 2) : b.flows;
