/**
 * Deferred move: the last association's notify sets `pendingMove`, and whichever decrement leaves
 * only the table's reference (notify or callout release) goes on to move the flow if the move is
 * still pending, clearing the flag in the same step so it happens once.
 *
 * Leaves out: the table lock around the move (the move step is atomic).
 */
import { withMemory } from '../../lib/FlowMemory.js';
import type { ModelFlow } from '../ModelFlow.js';
import { done, driverModel, next } from '../driverModel.js';
import { moveToClosedTable, releaseReference } from '../ModelFlow.js';

const decrementThenMaybeMove = (f: ModelFlow) => {
  const g = releaseReference(f);
  return g.refCount === 1 ? next(g, 'move') : done(g);
};

const movePending = (f: ModelFlow) =>
  done(f.memory.pendingMove === true ? moveToClosedTable(withMemory(f, 'pendingMove', false)) : f);

export default driverModel({
  name: 'deferred-move',
  summary: 'last notify sets pendingMove; a decrement to 1 with the move pending moves the flow',
  memory: { pendingMove: false },
  flowDeleteNotify: {
    markPending: (f, _op, layers) =>
      next(f.notifies === layers ? withMemory(f, 'pendingMove', true) : f, 'decrement'),
    decrement: decrementThenMaybeMove,
    move: movePending,
  },
  calloutExit: {
    decrement: decrementThenMaybeMove,
    move: movePending,
  },
});
