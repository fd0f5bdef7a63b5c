/**
 * A first attempt at a fix: the notify retries the compare-exchange a bounded number of times
 * (two retries after the first try) before it gives up and only decrements. A callout that
 * outlasts the retries still strands the flow.
 *
 * Leaves out: any delay between the tries; each try is one atomic step.
 */
import type { ModelFlow } from '../ModelFlow.js';
import { done, driverModel, next } from '../driverModel.js';
import { moveToClosedTable, releaseReference } from '../ModelFlow.js';

/** Tries after the first one. */
export const RETRIES = 2;

const tryCompareExchange = (f: ModelFlow, attempt: number) =>
  next(f, f.refCount === 2 ? 'move' : attempt < RETRIES ? 'retry' : 'decrement', { attempt });

export default driverModel({
  name: 'cas-retry',
  summary: `notify: CAS(2,2) retried up to ${RETRIES} more times, move on 2, then decrement`,
  flowDeleteNotify: {
    cas: (f) => tryCompareExchange(f, 0),
    retry: (f, op) => tryCompareExchange(f, op.attempt + 1),
    move: (f) => next(moveToClosedTable(f), 'decrement'),
    decrement: (f) => done(releaseReference(f)),
  },
  calloutExit: {
    decrement: (f) => done(releaseReference(f)),
  },
});
