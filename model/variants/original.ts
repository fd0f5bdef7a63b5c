/**
 * The shipping driver: each delete notification runs `InterlockedCompareExchange(&refCount, 2, 2)`
 * (an atomic "is it exactly 2?": the table plus its own association), moves the flow when it saw
 * 2, then decrements; a callout's release is a plain decrement that never re-checks.
 *
 * Leaves out: the classify work; the compare-exchange writes nothing, so only its answer matters.
 */
import { done, driverModel, next } from '../driverModel.js';
import { moveToClosedTable, releaseReference } from '../ModelFlow.js';

export default driverModel({
  name: 'original',
  summary: 'notify: CAS(2,2), move on 2, then decrement; release: plain decrement',
  flowDeleteNotify: {
    cas: (f) => next(f, f.refCount === 2 ? 'move' : 'decrement'),
    move: (f) => next(moveToClosedTable(f), 'decrement'),
    decrement: (f) => done(releaseReference(f)),
  },
  calloutExit: {
    decrement: (f) => done(releaseReference(f)),
  },
});
