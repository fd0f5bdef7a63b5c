/**
 * The shipping driver: each delete notification runs `InterlockedCompareExchange(&refCount, 2, 2)`,
 * moves the flow when it saw 2 (the table plus its own association), then decrements. A callout's
 * release is a plain decrement that never re-checks, so a callout spanning the last notify strands
 * the flow in `openFlows` (docs/semantics.md#the-race;
 * `DecrementRefCountAndMoveFromOpenToClosedTable`, flowdata.c, as the agent's comments quote it).
 */
import { done, goto, type DriverVariant } from '../DriverVariant.js';
import { interlockedCompareExchange, interlockedDecrement } from '../refCount.js';
import { moveToClosedTable } from '../tables.js';

export const original = {
  name: 'original',
  summary: 'notify: CAS(refCount, 2, 2), move on 2, then decrement; release: plain decrement',
  flowDeleteNotify: {
    cas: ({ driver, id }) => {
      const { driver: after, value } = interlockedCompareExchange(driver, id, 2, 2);
      return goto(after, value === 2 ? 'move' : 'decrement', { seen: value });
    },
    move: ({ driver, id }) => goto(moveToClosedTable(driver, id), 'decrement'),
    decrement: ({ driver, id }) => done(interlockedDecrement(driver, id).driver),
  },
  calloutExit: {
    decrement: ({ driver, id }) => done(interlockedDecrement(driver, id).driver),
  },
} satisfies DriverVariant;

export default original;
