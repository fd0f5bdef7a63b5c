/**
 * The steps the deferred-move designs share: the last notify asks for a move (`pendingMove`, the
 * memory each of them declares), and whichever decrement leaves only the table's reference
 * carries it out.
 *
 * Leaves out: how the driver knows a notify is the last one; the association count (`notifies`)
 * stands for the per-layer bookkeeping a real driver would keep.
 */
import { withMemory } from '../../lib/FlowMemory.js';
import { done, goto, type StepInput, type StepOutcome } from './DriverVariant.js';
import { interlockedDecrement } from './refCount.js';
import { moveToClosedTable, updateFlow } from './tables.js';

/** Notify, first step: the last association's notify sets `pendingMove` (a flag write). */
export const markPending = ({ driver, id, flow }: StepInput): StepOutcome =>
  goto(
    flow.notifies === driver.layers
      ? updateFlow(driver, id, (f) => withMemory(f, 'pendingMove', true))
      : updateFlow(driver, id, (f) => f),
    'decrement',
  );

/**
 * `InterlockedDecrement`; when only the table's reference is left, go on to the move. `mayMove`
 * says whether the caller is allowed to (the racy release decides from a flag it read earlier).
 */
export const decrementThenMaybeMove = (
  { driver, id }: StepInput,
  mayMove: boolean,
): StepOutcome => {
  const { driver: after, value } = interlockedDecrement(driver, id);
  return value === 1 && mayMove ? goto(after, 'move', { seen: value }) : done(after);
};

/**
 * Under the table lock: if a move is still pending, clear the flag and move the flow. Checking
 * and clearing in one step means two releasers that both saw 1 move it once.
 */
export const movePending = ({ driver, id, flow }: StepInput): StepOutcome =>
  done(
    flow.memory.pendingMove === true
      ? moveToClosedTable(
          updateFlow(driver, id, (f) => withMemory(f, 'pendingMove', false)),
          id,
        )
      : updateFlow(driver, id, (f) => f),
  );
