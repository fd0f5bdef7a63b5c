/**
 * A plausible but wrong deferred move: the callout's release reads `pendingMove` before its
 * decrement. If the last notify sets the flag and decrements between the two, the release sees
 * 1 with a stale "no move pending" and nobody moves the flow. The suite must reject this design.
 */
import type { DriverVariant } from '../DriverVariant.js';
import { goto } from '../DriverVariant.js';
import { decrementThenMaybeMove, markPending, movePending } from '../deferredMove.js';
import { updateFlow } from '../tables.js';

export const deferredMoveRacy = {
  name: 'deferred-move-racy',
  summary: 'as deferred-move, but the release reads pendingMove before its decrement',
  memory: { pendingMove: false },
  flowDeleteNotify: {
    markPending,
    decrement: (input) => decrementThenMaybeMove(input, true),
    move: movePending,
  },
  calloutExit: {
    readPending: ({ driver, id, flow }) =>
      goto(
        updateFlow(driver, id, (f) => f),
        'decrement',
        { flag: flow.memory.pendingMove === true },
      ),
    decrement: (input) => decrementThenMaybeMove(input, input.locals.flag),
    move: movePending,
  },
} satisfies DriverVariant;

export default deferredMoveRacy;
