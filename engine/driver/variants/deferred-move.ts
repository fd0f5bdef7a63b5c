/**
 * Deferred move: the last notify sets `pendingMove` before it decrements, and every decrement that
 * leaves only the table's reference moves a pending flow, the callout's release included (repair
 * pattern 2 of docs/semantics.md#repair-patterns). No interleaving strands the flow.
 */
import type { DriverVariant } from '../DriverVariant.js';
import { decrementThenMaybeMove, markPending, movePending } from '../deferredMove.js';

export const deferredMove = {
  name: 'deferred-move',
  summary:
    'last notify sets pendingMove, then decrements; any decrement to 1 with pendingMove set moves the flow',
  memory: { pendingMove: false },
  flowDeleteNotify: {
    markPending,
    decrement: (input) => decrementThenMaybeMove(input, true),
    move: movePending,
  },
  calloutExit: {
    decrement: (input) => decrementThenMaybeMove(input, true),
    move: movePending,
  },
} satisfies DriverVariant;

export default deferredMove;
