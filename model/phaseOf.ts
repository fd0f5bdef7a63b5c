/**
 * A flow's lifecycle phase, the state a driver engineer would name: absent, open, ended (moving
 * towards `closedFlows`), lingering (stranded in `openFlows`), inClosedTable, drained, freed.
 * The machine's per-flow region is in exactly this state; a test checks they agree.
 *
 * Leaves out: the operations part-way through (they are context, not phases).
 */
import type { ModelFlow } from './ModelFlow.js';
import { hasEnded, isStranded } from './ModelFlow.js';

/** The phases, in lifecycle order. */
export const PHASES = [
  'absent',
  'open',
  'ended',
  'lingering',
  'inClosedTable',
  'drained',
  'freed',
] as const;

/** One of {@link PHASES}. */
export type Phase = (typeof PHASES)[number];

/**
 * The phase of flow `f` (`null`: not established).
 *
 * @example
 * phaseOf(null, 4) //=> 'absent'
 * phaseOf({ ...newFlow(4, 1), table: 'none', refCount: 0 }, 4) //=> 'freed'
 */
export function phaseOf(f: ModelFlow | null, layers: number): Phase {
  if (f === null) return 'absent';
  if (f.table === 'open') {
    if (!hasEnded(f)) return 'open';
    return isStranded(f, layers) ? 'lingering' : 'ended';
  }
  if (f.table === 'closed') return 'inClosedTable';
  return f.refCount > 0 ? 'drained' : 'freed';
}
