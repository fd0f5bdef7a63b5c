/**
 * A plausible but wrong deferred move: the callout's release reads `pendingMove` before its
 * decrement, so when the last notify sets the flag and decrements in between, the release reaches
 * 1 with a stale "no move pending" and nobody moves the flow.
 *
 * Leaves out: the same as deferred-move; only the release differs.
 */
import { withMemory } from '../../lib/FlowMemory.js';
import type { ModelFlow, OpInFlight } from '../ModelFlow.js';
import { done, driverModel, next } from '../driverModel.js';
import { moveToClosedTable, releaseReference } from '../ModelFlow.js';

const decrementThenMaybeMove = (f: ModelFlow, mayMove: boolean) => {
  const g = releaseReference(f);
  return g.refCount === 1 && mayMove ? next(g, 'move') : done(g);
};

const movePending = (f: ModelFlow) =>
  done(f.memory.pendingMove === true ? moveToClosedTable(withMemory(f, 'pendingMove', false)) : f);

export default driverModel({
  name: 'deferred-move-racy',
  summary: 'as deferred-move, but the release reads pendingMove before its decrement',
  memory: { pendingMove: false },
  flowDeleteNotify: {
    markPending: (f, _op, layers) =>
      next(f.notifies === layers ? withMemory(f, 'pendingMove', true) : f, 'decrement'),
    decrement: (f) => decrementThenMaybeMove(f, true),
    move: movePending,
  },
  calloutExit: {
    readPending: (f) => next(f, 'decrement', { flag: f.memory.pendingMove === true }),
    decrement: (f, op: OpInFlight) => decrementThenMaybeMove(f, op.flag),
    move: movePending,
  },
});
