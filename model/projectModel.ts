/**
 * The model's observable state, in the shape `EngineMatchesModel` compares
 * (docs/semantics.md#enginematchesmodel): per established flow its table, refCount, whether it
 * ended, its design's memory, and per client (one here) the closes and failures its own records
 * contributed in the current session (docs/environment.md, *How a poll ships*, step 5).
 *
 * Leaves out: everything else in the context (associations, callouts, operations in flight,
 * baselines), which the comparison does not look at.
 */
import type { FlowMemory } from '../lib/FlowMemory.js';
import { sortedMemory } from '../lib/FlowMemory.js';
import type { ModelContext } from './ModelContext.js';

/** One flow's observable state. */
export interface ModelFlowProjection {
  readonly flow: number;
  readonly table: 'open' | 'closed' | 'both' | 'none';
  readonly refCount: number;
  readonly ended: boolean;
  /** The design's memory, field by field in name order (lib/FlowMemory.ts). */
  readonly memory: FlowMemory;
  readonly shipped: readonly { readonly closes: number; readonly failures: number }[];
}

/** Established flows, by number. */
export type ModelProjection = readonly ModelFlowProjection[];

/**
 * Projects the model's context.
 *
 * @example
 * projectModel(afterEstablish) //=> [{ flow: 1, table: 'open', refCount: 5, ended: false, memory: {}, shipped: [{ closes: 0, failures: 0 }] }]
 */
export function projectModel(c: ModelContext): ModelProjection {
  const out: ModelFlowProjection[] = [];
  for (const [i, f] of c.flows.entries()) {
    if (f === null) continue;
    out.push({
      flow: i + 1,
      table: f.table,
      refCount: f.refCount,
      ended: f.end !== 'none',
      memory: sortedMemory(f.memory),
      shipped: [{ closes: f.shipped.closes, failures: f.shipped.failures }],
    });
  }
  return out;
}
