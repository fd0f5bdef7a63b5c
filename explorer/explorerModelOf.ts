/**
 * Builds the explorer's search model (ExplorerModel.ts) from a pair, bounds and options, the same
 * way in every thread: the coordinator of a parallel search and each of its workers
 * (checker/searchWorker.ts calls `createSearchModel` with the plain `ModelSpec`) get tables that
 * number every state alike (compileTables.ts), so their keys mean the same states.
 *
 * Leaves out: the search (checker/).
 */
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { Environment } from '../engine/environment.js';
import type { Invariant } from '../invariants/Invariant.js';
import { invariants as ALL_INVARIANTS } from '../invariants/index.js';
import type { ExploreBounds, ExploreConfig } from './bounds.js';
import { environmentOf } from './bounds.js';
import type { Found, SearchModel } from './checker/SearchModel.js';
import { compileTables } from './compileTables.js';
import type { ModelOptions } from './ExplorerModel.js';
import { ExplorerModel } from './ExplorerModel.js';
import { LocalTables } from './LocalTables.js';
import type { Minimised } from './minimiseLocals.js';
import { minimiseLocals } from './minimiseLocals.js';

/** How to build a model: reductions, and whether to number every state first. */
export interface BuildOptions extends ModelOptions {
  readonly minimise: boolean;
  /** Number every state before the search (compileTables.ts), as a parallel search needs. */
  readonly compile: boolean;
}

/** A built model and what building it found. */
export interface BuiltModel {
  readonly model: ExplorerModel;
  readonly tables: LocalTables;
  readonly classes: Minimised | null;
}

/** A model's build as plain data, for a worker thread. */
export interface ModelSpec {
  readonly driver: string;
  readonly agent: string;
  readonly environment: Environment;
  readonly bounds: ExploreBounds;
  readonly invariants: readonly string[];
  readonly options: BuildOptions;
}

/**
 * Builds the model of `config` judging `invariants`; `found` is the search's record of what is
 * violated (the model skips judging it again).
 *
 * @example
 * explorerModelOf(config, invariants, { symmetry: true, por: true, ample: false, quiescence: 'final', minimise: true, compile: false }, new Map()).classes //=> { locals: 632, classes: 190 }
 */
export function explorerModelOf(
  config: ExploreConfig,
  invariants: readonly Invariant[],
  options: BuildOptions,
  found: ReadonlyMap<number, Found>,
): BuiltModel {
  const tables = new LocalTables(config, invariants, options.symmetry);
  if (options.compile) compileTables(tables);
  const classes = options.minimise ? minimiseLocals(tables) : null;
  const model = new ExplorerModel(tables, invariants, options, found);
  if (options.compile) model.seal();
  const met = tables.localCount + tables.groups.count;
  model.figures = {
    localStates: classes?.locals ?? met,
    localClasses: classes?.classes ?? met,
  };
  return { model, tables, classes };
}

/**
 * The plain-data form of a build, or why there is none (a design that is not registered by name
 * cannot be rebuilt in another thread).
 */
export function specOf(
  config: ExploreConfig,
  invariants: readonly Invariant[],
  options: BuildOptions,
): ModelSpec | string {
  if (
    findDriver(config.driver.name) !== config.driver ||
    findAgent(config.agent.name) !== config.agent
  )
    return `the design ${config.driver.name} × ${config.agent.name} is not registered by name`;
  if (invariants.some((inv) => !ALL_INVARIANTS.includes(inv)))
    return 'an invariant is not one of the registered ones';
  return {
    driver: config.driver.name,
    agent: config.agent.name,
    environment: environmentOf(config),
    bounds: config.bounds,
    invariants: invariants.map((i) => i.name),
    options,
  };
}

/** Builds a model from its spec (a worker of checker/parallelBreadthFirst.ts calls this). */
export function createSearchModel(args: unknown, found: ReadonlyMap<number, Found>): SearchModel {
  const spec = args as ModelSpec;
  const config: ExploreConfig = {
    driver: findDriver(spec.driver) as ExploreConfig['driver'],
    agent: findAgent(spec.agent) as ExploreConfig['agent'],
    environment: spec.environment,
    bounds: spec.bounds,
  };
  // In the order given: bit k of every mask is the k-th.
  const invariants = spec.invariants.map(
    (name) => ALL_INVARIANTS.find((i) => i.name === name) as Invariant,
  );
  return explorerModelOf(config, invariants, spec.options, found).model;
}
