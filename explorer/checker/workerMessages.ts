/**
 * The messages between the coordinator of a parallel search (parallelBreadthFirst.ts) and its
 * workers (searchWorker.ts). A state's global number is `local id · workers + worker`.
 *
 * Leaves out: the transport (MessagePorts, read synchronously by the coordinator).
 */

/** Where a worker finds its model: a module exporting `createSearchModel(args, found)`. */
export interface ModelModule {
  /** The module's URL. */
  readonly url: string;
  /** Plain data the module builds the model from (the same in every worker). */
  readonly args: unknown;
}

/** A violation as a worker reports it. */
export interface FoundEntry {
  readonly bit: number;
  readonly depth: number;
  /** Global number of the state. */
  readonly state: number;
  readonly key: readonly number[] | null;
}

/** Coordinator → worker. */
export type ToWorker =
  | { readonly t: 'model'; readonly module: ModelModule }
  | { readonly t: 'init' }
  /** Expand the level at `depth`, stopping early once memory passes `maxBytes` (lib/memoryOver.ts). */
  | { readonly t: 'expand'; readonly depth: number; readonly maxBytes?: number }
  | { readonly t: 'in'; readonly parts: readonly ArrayBuffer[] }
  | { readonly t: 'path'; readonly state: number }
  | { readonly t: 'end' };

/** Worker → coordinator. */
export type FromWorker =
  | {
      readonly t: 'ready';
      readonly worker: number;
      readonly words: number;
      readonly about: Readonly<Record<string, number>> | null;
    }
  /** Records for each worker, `words + 2` words each: the key, the parent, the annotation. */
  | { readonly t: 'out'; readonly worker: number; readonly parts: readonly ArrayBuffer[] }
  | {
      readonly t: 'level';
      readonly worker: number;
      /** States of the new level this worker stores. */
      readonly stored: number;
      readonly generated: number;
      readonly finals: number;
      readonly bytes: number;
      /** The model's `counters()` so far (empty when it has none). */
      readonly counters: Readonly<Record<string, number>>;
      /** States of the level just expanded left unexpanded because memory ran short. */
      readonly unexpanded: number;
      /** The model's `drift()` (0 when it has none). */
      readonly drift: number;
      readonly found: readonly FoundEntry[];
    }
  | {
      readonly t: 'path';
      readonly worker: number;
      readonly key: readonly number[];
      readonly parent: number;
    }
  | { readonly t: 'error'; readonly worker: number; readonly message: string };
