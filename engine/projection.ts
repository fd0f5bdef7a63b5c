/**
 * The engine's observable state, as the model describes it too
 * (docs/semantics.md#enginematchesmodel): per flow its table, refCount, whether it ended, its
 * design's memory (lib/FlowMemory.ts), and the closes and failures its own records shipped in each
 * client's session (a merged record's parts counted apart). Plain JSON, so two projections compare
 * with `toEqual`.
 */
import type { FlowMemory } from '../lib/FlowMemory.js';
import { sortedMemory } from '../lib/FlowMemory.js';
import type { EngineState } from './EngineState.js';
import { isEnded } from './driver/flow.js';
import type { TableName } from './driver/tables.js';
import { allFlows, tableOf } from './driver/tables.js';

/** One flow as both sides see it. */
export interface FlowProjection {
  readonly flow: number;
  readonly table: TableName;
  readonly refCount: number;
  readonly ended: boolean;
  /** The design's memory, field by field in name order (lib/FlowMemory.ts). */
  readonly memory: FlowMemory;
  /** Closes and failures this flow's own records shipped, one entry per client (its session). */
  readonly shipped: readonly { readonly closes: number; readonly failures: number }[];
}

/** The whole observable state: established flows by number. */
export type Projection = readonly FlowProjection[];

/**
 * Projects the engine's state.
 *
 * @example
 * project(afterEstablish) //=> [{ flow: 1, table: 'open', refCount: 5, ended: false, memory: {}, shipped: [{ closes: 0, failures: 0 }] }]
 */
export function project(state: EngineState): Projection {
  return allFlows(state.driver).map((f) => ({
    flow: f.id,
    table: tableOf(state.driver, f.id),
    refCount: f.refCount,
    ended: isEnded(f),
    memory: sortedMemory(f.memory),
    shipped: state.sessions.map((s) => s.shipped[f.id] ?? { closes: 0, failures: 0 }),
  }));
}
