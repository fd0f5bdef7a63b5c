/**
 * One breadth-first search of the explorer's model (ExplorerModel.ts) by the checker
 * (checker/breadthFirst.ts), with the invariants, reductions and limits of `options`, turned into
 * an `ExploreResult`: each violated invariant's shortest path of keys becomes engine events
 * (traceOf.ts), renumbered for a quiescence invariant (quiescenceTrace.ts).
 *
 * With a pool of workers the search runs on every one of them (checker/parallelBreadthFirst.ts),
 * each with a model built alike (explorerModelOf.ts).
 *
 * Leaves out: searching again once invariants are violated (bfs.ts `explore` does).
 */
import { invariants as ALL_INVARIANTS } from '../invariants/index.js';
import type { ExploreOptions, ExploreResult, Violation } from './bfs.js';
import type { ExploreConfig } from './bounds.js';
import { breadthFirst } from './checker/breadthFirst.js';
import type { WorkerPool } from './checker/parallelBreadthFirst.js';
import type { Found, SearchLimits, SearchOutcome } from './checker/SearchModel.js';
import type { ExplorerModel } from './ExplorerModel.js';
import type { BuildOptions } from './explorerModelOf.js';
import type { BuiltModel } from './explorerModelOf.js';
import { explorerModelOf, specOf } from './explorerModelOf.js';
import { environmentOf } from './bounds.js';
import { quiescenceTrace } from './quiescenceTrace.js';
import type { SplitHooks } from './shardHooks.js';
import { splitHooks } from './shardHooks.js';
import { eventsTo } from './traceOf.js';
import { normalTuples, tupleGroups } from './tupleGroups.js';

/** The module a worker builds the model from. */
const MODEL_MODULE = new URL('./explorerModelOf.ts', import.meta.url).href;

/** The checker's limits from the explorer's options. */
function limitsOf(options: ExploreOptions, stopWhen: number): SearchLimits {
  return {
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    ...(options.stopAtFirst === true ? { stopAtFirst: true } : {}),
    ...(stopWhen >= 0 ? { stopWhen } : {}),
    ...(options.stopAfterLevel === undefined ? {} : { stopAfterLevel: options.stopAfterLevel }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
}

/** Violated invariants in the order given, each with the events of its shortest path. */
function violationsOf(
  model: ExplorerModel,
  found: ReadonlyMap<number, Found>,
  path: (f: Found) => Uint32Array[],
): Violation[] {
  const violations: Violation[] = [];
  const { tables, invariants, wide } = model;
  invariants.forEach((invariant, k) => {
    const f = found.get(k);
    if (f === undefined) return;
    let events = eventsTo(tables, path(f), model.options.symmetry, wide);
    if (invariant.when === 'quiescence') events = quiescenceTrace(tables, invariant, events);
    violations.push({ invariant, depth: events.length, events });
  });
  return violations;
}

/** The model's reductions and modes from the explorer's options. */
function buildOptionsOf(
  config: ExploreConfig,
  options: ExploreOptions,
  parallel: boolean,
): BuildOptions {
  const ample = options.ample === true;
  const groups = tupleGroups(config);
  // With one group the search visits each local state once anyway: merging them costs more than
  // it saves, so it is done from two groups on, for the groups of one flow (the verdicts are the
  // same either way).
  const singles = groups.some((flows) => flows.length === 1);
  return {
    symmetry: options.symmetry ?? true,
    por: !ample && (options.por ?? true),
    ample,
    quiescence: options.quiescence ?? 'final',
    minimise: (options.minimise ?? groups.length > 1) && singles,
    compile: parallel,
  };
}

/**
 * Searches once.
 *
 * @example
 * searchOnce(config, { stopAfterLevel: true }).violations.map((v) => v.depth) //=> [6]
 */
export function searchOnce(
  config: ExploreConfig,
  options: ExploreOptions,
  pool: WorkerPool | null = null,
): ExploreResult {
  // From before the model is built, so one thread and several workers (which build theirs inside
  // the search) are timed alike.
  const now = options.now ?? (() => performance.now());
  const started = now();
  const invariants = options.invariants ?? ALL_INVARIANTS;
  const found = new Map<number, Found>();
  const build = buildOptionsOf(config, options, pool !== null);
  const { symmetry, por, ample, quiescence, minimise } = build;
  const keep = options.fingerprints === true || options.shard !== undefined;
  const stopWhen =
    options.stopWhenFound === undefined
      ? -1
      : invariants.findIndex((i) => i.name === options.stopWhenFound);
  const limits = limitsOf(options, stopWhen);
  let built: BuiltModel | null = null;
  let split: SplitHooks | null = null;
  let outcome: SearchOutcome;
  if (pool === null) {
    built = explorerModelOf(config, invariants, build, found);
    split = keep ? splitHooks(built.tables, config.bounds.flows, options.shard, symmetry) : null;
    if (split !== null) built.model.keepSleepAt = split.keepSleepAt;
    outcome = breadthFirst(built.model, limits, split?.hooks ?? {}, found);
  } else {
    const spec = specOf(config, invariants, build);
    if (typeof spec === 'string') throw new Error(`explorer: a parallel search needs ${spec}`);
    outcome = pool.search({ url: MODEL_MODULE, args: spec }, limits);
  }
  // The workers' keys number states as a model built alike does: built here only for traces.
  const traces = (): ExplorerModel =>
    (built ?? explorerModelOf(config, invariants, build, new Map())).model;
  const figures = outcome.about ?? { localStates: 0, localClasses: 0 };
  const wallMs = now() - started;
  const perSecond = (x: number) => (wallMs > 0 ? Math.round((x * 1000) / wallMs) : 0);
  const shard = split?.report();
  return {
    config,
    environment: environmentOf(config),
    tuples: normalTuples(config).tuples as number,
    symmetry,
    por,
    minimise,
    quiescence,
    generated: outcome.generated,
    distinctStates: outcome.distinct,
    queueLeft: outcome.queueLeft,
    depth: outcome.depth,
    finalStates: outcome.finalStates,
    complete: outcome.complete,
    outOfMemory: outcome.outOfMemory,
    wallMs,
    statesPerSecond: perSecond(outcome.distinct),
    generatedPerSecond: perSecond(outcome.generated),
    sleptMoves: outcome.counters?.sleptMoves ?? 0,
    ample,
    statesExpandedAlone: outcome.counters?.statesExpandedAlone ?? 0,
    localStates: figures.localStates as number,
    localClasses: figures.localClasses as number,
    bytes: outcome.bytes + (split?.bytes() ?? 0),
    violations: outcome.found.size === 0 ? [] : violationsOf(traces(), outcome.found, outcome.path),
    workers: pool?.count ?? 1,
    ...(shard === undefined ? {} : { shard }),
    ...(options.fingerprints === true && split !== null
      ? { fingerprints: split.fingerprints(outcome.distinct) }
      : {}),
  };
}
