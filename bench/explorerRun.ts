/**
 * One `lingering <command> --json` in its own process (bench/measure.ts: peak memory and a
 * wall-clock limit): its JSON figures, or why there are none. `explore` runs in the isolated
 * environment (docs/environment.md), the world SPIN's model describes, with C = 1 callout and
 * P = 3 polls; a run asked for twice is run once.
 *
 * Leaves out: the human-readable output (the bench reads the JSON only).
 */
import { fileURLToPath } from 'node:url';
import { measure } from './measure.js';

const CLI = fileURLToPath(new URL('../bin/lingering.js', import.meta.url));

/** What `lingering explore --json` reports that the bench reads. */
export interface Ours {
  readonly complete: boolean;
  readonly queueLeft: number;
  readonly distinctStates: number;
  readonly generated: number;
  readonly depth: number;
  readonly wallMs: number;
  readonly statesPerSecond: number;
  readonly violations: readonly { invariant: string; depth: number }[];
  /** Threads that searched (absent: an explorer without workers, one). */
  readonly workers?: number;
  /**
   * A violating design is searched again without the invariants it violated, until every verdict
   * is known: each search, the last one's counts being the result's (absent or empty: one search).
   */
  readonly searches?: readonly { readonly distinctStates: number; readonly wallMs: number }[];
}

/** Why a run gave no figures. */
export type Failure = 'timeout' | 'out of memory' | 'bad arguments' | 'failed';

/** One process: its figures or its failure, and what it cost. */
export interface Run<T> {
  readonly figures: T | null;
  readonly failure: Failure | null;
  /** The first line of standard error when it failed. */
  readonly detail: string;
  readonly peakKb: number | null;
  /** The process, start to end (Node and tsx start-up included). */
  readonly processSeconds: number;
}

const failureOf = (status: number | null, stderr: string): Failure =>
  /heap out of memory|allocation failed|out of memory/i.test(stderr)
    ? 'out of memory'
    : status === 2
      ? 'bad arguments'
      : 'failed';

/** Runs `lingering <argv> --json` for at most `maxSeconds`. */
export function lingering<T>(argv: readonly string[], maxSeconds: number): Run<T> {
  const m = measure(
    process.execPath,
    ['--max-old-space-size=4096', CLI, ...argv, '--json'],
    maxSeconds,
  );
  const cost = { peakKb: m.peakKb, processSeconds: m.seconds };
  // Exit 1 is a violation found: figures all the same.
  if (!m.timedOut && (m.status === 0 || m.status === 1))
    return { ...cost, figures: JSON.parse(m.stdout) as T, failure: null, detail: '' };
  const detail = m.stderr.trim().split('\n')[0] ?? '';
  return {
    ...cost,
    figures: null,
    failure: m.timedOut ? 'timeout' : failureOf(m.status, m.stderr),
    detail,
  };
}

/** The figures of a run that has to succeed (small bounds: a failure is a bug). */
export function figures<T>(run: Run<T>, what: string): T {
  if (run.figures === null) throw new Error(`${what}: ${run.failure ?? 'failed'} ${run.detail}`);
  return run.figures;
}

/** One explorer run: the pair, the bounds, the cap and any further options. */
export interface ExploreRequest {
  readonly driver: string;
  readonly agent: string;
  readonly flows: number;
  readonly layers: number;
  readonly cap: number;
  readonly extra?: readonly string[];
}

const memo = new Map<string, Run<Ours>>();

/** `lingering explore` on `r`, for at most `maxSeconds`; the same request twice runs once. */
export function explore(r: ExploreRequest, maxSeconds: number): Run<Ours> {
  // SPIN's Promela model has no drain, churn or shared tuples: the isolated environment is its world.
  const argv = [
    'explore',
    '--quiet',
    ...['--environment', 'isolated', '--driver', r.driver, '--agent', r.agent],
    ...['--flows', String(r.flows), '--callouts', '1', '--polls', '3'],
    ...['--layers', String(r.layers), '--max-states', String(r.cap)],
    ...(r.extra ?? []),
  ];
  const key = argv.join(' ');
  const known = memo.get(key);
  if (known !== undefined) return known;
  const run = lingering<Ours>(argv, maxSeconds);
  memo.set(key, run);
  return run;
}
