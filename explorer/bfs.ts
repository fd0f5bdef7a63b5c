/**
 * `explore`: the exhaustive breadth-first search of every interleaving of the engine's step-level
 * events within the bounds and the environment (docs/environment.md), over the abstraction of
 * abstraction.ts, with symmetry reduction (canonicalise.ts), sleep-set partial-order reduction
 * (sleepSets.ts) or persistent sets (persistentSets.ts), and local minimisation (minimiseLocals.ts).
 * Safety invariants are judged on every state (and on every poll that completes), quiescence ones
 * on every final state after `closeOut` (or on every state, for the shortest prefix whose close-out
 * fails). Breadth-first order makes each violation's trace a shortest one.
 *
 * A violating design is searched to the end: once some invariants are violated at a level, their
 * shortest traces are kept and the search starts again without them, on the coarser states that
 * the invariants left allow (minimisation merges what only the violated ones told apart), until a
 * search completes. Each search is searchOnce.ts: the domain's model (ExplorerModel.ts) under the
 * domain-free checker (checker/).
 *
 * Leaves out: liveness.
 */
import type { Environment } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import type { Invariant } from '../invariants/Invariant.js';
import { invariants as ALL_INVARIANTS } from '../invariants/index.js';
import type { ExploreConfig } from './bounds.js';
import { environmentOf } from './bounds.js';
import type { Progress } from './checker/SearchModel.js';
import { searchOnce } from './searchOnce.js';
import type { ShardReport, ShardSpec } from './shardHooks.js';
import { badTuples, tupleGroups } from './tupleGroups.js';
import { WorkerPool } from './checker/parallelBreadthFirst.js';

export type { Progress } from './checker/SearchModel.js';
export type { ShardReport, ShardSpec } from './shardHooks.js';
export { FP_WORDS } from './shardHooks.js';

/** Where quiescence invariants are judged. */
export type QuiescenceMode = 'final' | 'everyState';

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** Canonicalise states under permutation of flows (within tuples, and of equal tuples). @defaultValue true */
  readonly symmetry?: boolean;
  /** Sleep-set partial-order reduction. @defaultValue true */
  readonly por?: boolean;
  /**
   * Persistent sets (persistentSets.ts): fewer states, the same verdicts, traces not always the
   * shortest. Replaces the sleep sets; isolated environment only, not with a shard or quiescence
   * on every state. @defaultValue false
   */
  readonly ample?: boolean;
  /** Merge behaviourally equivalent local states (minimiseLocals.ts). @defaultValue true from two tuples on */
  readonly minimise?: boolean;
  /** Stop once this many distinct states are stored. @defaultValue no limit */
  readonly maxStates?: number;
  /**
   * Stop, incomplete, once the process's resident memory passes this many bytes or a heap nears
   * V8's limit (lib/memoryOver.ts), rather than be killed. @defaultValue no limit
   */
  readonly maxBytes?: number;
  /** Judge quiescence invariants on final states only, or on every state. @defaultValue 'final' */
  readonly quiescence?: QuiescenceMode;
  /** The invariants judged. @defaultValue every engine invariant */
  readonly invariants?: readonly Invariant[];
  /** Stop as soon as this invariant's shortest violation is known. */
  readonly stopWhenFound?: string;
  /** Stop at the first violation of any invariant (TLC's and SPIN's default). @defaultValue false */
  readonly stopAtFirst?: boolean;
  /**
   * Stop at the end of the first level where some invariant is violated (with 'whileGrowing', only
   * before the widest level). @defaultValue false
   */
  readonly stopAfterLevel?: boolean | 'whileGrowing';
  /**
   * Once invariants are violated (and their shortest traces known), search again without them,
   * on the coarser states that what is left to judge allows; off, one search judges every
   * invariant on the states all of them need. Not with a stop condition, a shard or fingerprints.
   * @defaultValue true
   */
  readonly restart?: boolean;
  /**
   * Threads that search together (checker/parallelBreadthFirst.ts): the same states, depths and
   * verdicts as one. Every flow on a tuple of its own; not with persistent sets, a shard or
   * fingerprints. @defaultValue 1
   */
  readonly workers?: number;
  /** Explore one shard's share only. */
  readonly shard?: ShardSpec;
  /** Keep every stored state's content fingerprint (for `--fingerprints`). */
  readonly fingerprints?: boolean;
  readonly onProgress?: (p: Progress) => void;
  /** The clock, in milliseconds. @defaultValue performance.now */
  readonly now?: () => number;
}

/** A violated invariant and a shortest trace to it. */
export interface Violation {
  readonly invariant: Invariant;
  /** Events in the trace (its length). */
  readonly depth: number;
  readonly events: readonly Event[];
}

/** What a search found, in the manner of TLC's summary. */
export interface ExploreResult {
  readonly config: ExploreConfig;
  readonly environment: Environment;
  /** Tuples the flows were dealt to. */
  readonly tuples: number;
  readonly symmetry: boolean;
  readonly por: boolean;
  readonly minimise: boolean;
  readonly quiescence: QuiescenceMode;
  /** Successor states computed (with repeats), plus the initial state. */
  readonly generated: number;
  readonly distinctStates: number;
  /** States stored but not expanded (0 when the search is complete). */
  readonly queueLeft: number;
  /** Events on the longest shortest path (the last level reached). */
  readonly depth: number;
  readonly finalStates: number;
  readonly complete: boolean;
  /** Stopped, incomplete, because memory passed `maxBytes`. */
  readonly outOfMemory: boolean;
  readonly wallMs: number;
  /** Distinct states per second. */
  readonly statesPerSecond: number;
  readonly generatedPerSecond: number;
  /** Moves skipped because their state's sleep set held them (partial-order reduction). */
  readonly sleptMoves: number;
  /** Persistent sets were used: verdicts exact, traces possibly longer than the shortest. */
  readonly ample: boolean;
  /** States expanded through one flow's moves alone (persistent sets). */
  readonly statesExpandedAlone: number;
  /** Local states met (the size of the compiled transition table). */
  readonly localStates: number;
  /** Classes of equivalent local states the search used (equal to `localStates` without minimisation). */
  readonly localClasses: number;
  readonly bytes: number;
  /** Violated invariants in the order given, each with a shortest trace (with `ample`, a trace). */
  readonly violations: readonly Violation[];
  /** Threads that searched. */
  readonly workers: number;
  /** With restarts, each search in turn (the last one's counts are the result's). */
  readonly phases?: readonly Phase[];
  readonly shard?: ShardReport;
  /** Per stored state when asked for: its content fingerprint (two words) and its depth. */
  readonly fingerprints?: Uint32Array;
}

/** One search of a search to the end. */
export interface Phase {
  /** Invariants judged. */
  readonly judged: number;
  readonly distinctStates: number;
  readonly generated: number;
  readonly depth: number;
  readonly complete: boolean;
  readonly wallMs: number;
  /** Invariants first found violated by this search. */
  readonly violated: readonly string[];
}

/** Why `explore` refuses `config` with `options`, or null. */
function refusal(config: ExploreConfig, options: ExploreOptions): string | null {
  const tuples = badTuples(config);
  if (tuples !== null) return `explorer: ${tuples}`;
  if ((options.workers ?? 1) > 1) {
    if (options.ample === true || options.shard !== undefined || options.fingerprints === true)
      return 'explorer: several workers need a search without persistent sets, shards or fingerprints';
    if (tupleGroups(config).some((flows) => flows.length > 1))
      return 'explorer: several workers need every flow on a tuple of its own (--tuples equal to --flows)';
  }
  if (options.ample !== true) return null;
  if (environmentOf(config) !== 'isolated')
    return 'explorer: persistent sets need the isolated environment (the drain and client churn act on every flow at once, so no flow can be expanded alone)';
  if (options.shard !== undefined || (options.quiescence ?? 'final') !== 'final')
    return 'explorer: persistent sets need an unsplit search with quiescence on final states';
  return null;
}

/** Whether `options` let the search start again once invariants are violated. */
const restarts = (o: ExploreOptions): boolean =>
  o.restart !== false &&
  o.stopAtFirst !== true &&
  o.stopWhenFound === undefined &&
  o.stopAfterLevel === undefined &&
  o.shard === undefined &&
  o.fingerprints !== true;

const phaseOf = (r: ExploreResult, judged: number): Phase => ({
  judged,
  distinctStates: r.distinctStates,
  generated: r.generated,
  depth: r.depth,
  complete: r.complete,
  wallMs: r.wallMs,
  violated: r.violations.map((v) => v.invariant.name),
});

/** Searches until every invariant has its verdict; the last search's counts are the result's. */
function toTheEnd(
  config: ExploreConfig,
  options: ExploreOptions,
  pool: WorkerPool | null,
): ExploreResult {
  const all = options.invariants ?? ALL_INVARIANTS;
  let left = all;
  const violations = new Map<string, Violation>();
  const phases: Phase[] = [];
  for (;;) {
    // Starting again pays while the levels still grow; past the widest one, most of the space is
    // behind and the search goes on with the states it has.
    const r = searchOnce(
      config,
      { ...options, invariants: left, stopAfterLevel: 'whileGrowing' },
      pool,
    );
    phases.push(phaseOf(r, left.length));
    for (const v of r.violations) violations.set(v.invariant.name, v);
    left = left.filter((inv) => !violations.has(inv.name));
    // Complete, cut short by --max-states or memory, or nothing left to judge: no search to start.
    const done = r.complete || r.outOfMemory || r.violations.length === 0 || left.length === 0;
    if (!done) continue;
    const wallMs = phases.reduce((a, p) => a + p.wallMs, 0);
    const stored = phases.reduce((a, p) => a + p.distinctStates, 0);
    const made = phases.reduce((a, p) => a + p.generated, 0);
    const perSecond = (x: number) => (wallMs > 0 ? Math.round((x * 1000) / wallMs) : 0);
    return {
      ...r,
      complete: r.complete || left.length === 0,
      wallMs,
      statesPerSecond: perSecond(stored),
      generatedPerSecond: perSecond(made),
      violations: all.flatMap((inv) => violations.get(inv.name) ?? []),
      phases,
    };
  }
}

/**
 * Explores every interleaving within the bounds.
 *
 * @example
 * const r = explore({ driver: original, agent: prefix, environment: 'isolated', bounds: { ...DEFAULT_BOUNDS, flows: 2, layers: 1 } });
 * r.violations.map((v) => `${v.invariant.name} ${v.depth}`) //=> ['FailuresWithinCloses 7', 'RateAtMost100 7', ...]
 */
export function explore(config: ExploreConfig, options: ExploreOptions = {}): ExploreResult {
  const refused = refusal(config, options);
  if (refused !== null) throw new Error(refused);
  const workers = options.workers ?? 1;
  const pool = workers > 1 ? new WorkerPool(workers) : null;
  try {
    return restarts(options) ? toTheEnd(config, options, pool) : searchOnce(config, options, pool);
  } finally {
    pool?.close();
  }
}
