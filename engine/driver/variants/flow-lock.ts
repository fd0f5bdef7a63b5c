/**
 * Flow lock: a per-flow spin lock guards the reference count and the move (repair pattern 4 of
 * docs/semantics.md#repair-patterns). Under the lock the notify and the release each decrement, and
 * whoever leaves only the table's reference after the last association is gone moves the flow. The
 * closed-table drain also changes the count, so it takes the lock too: without that, the drain can
 * free the flow while the mover still holds the lock inside it.
 */
import { BLOCKED, done, goto, type DriverVariant, type StepInput } from '../DriverVariant.js';
import { interlockedDecrement } from '../refCount.js';
import { moveToClosedTable, updateFlow } from '../tables.js';
import { withMemory } from '../../../lib/FlowMemory.js';

const acquire = ({ driver, id, flow }: StepInput) =>
  flow.memory.locked === true
    ? BLOCKED
    : goto(
        updateFlow(driver, id, (f) => withMemory(f, 'locked', true)),
        'update',
      );

// One step under the lock: the decrement, the check and the move cannot be split by the other
// lock holder; a callout entry (an interlocked increment) can only make the check fail safely.
const update = ({ driver, id }: StepInput) => {
  const { driver: after, value } = interlockedDecrement(driver, id);
  const flow = after.flows[id];
  const last = value === 1 && flow !== undefined && flow.notifies === after.layers;
  const moved = last && after.openFlows.includes(id) ? moveToClosedTable(after, id) : after;
  return goto(moved, 'release');
};

const release = ({ driver, id }: StepInput) =>
  done(updateFlow(driver, id, (f) => withMemory(f, 'locked', false)));

export const flowLock = {
  name: 'flow-lock',
  summary: 'a per-flow spin lock around decrement, check and move, in the notify and the release',
  memory: { locked: false },
  describeMemory: (_field, held) => (held ? 'lock taken' : 'lock released'),
  flowDeleteNotify: { acquire, update, release },
  calloutExit: { acquire, update, release },
  closedReadWaits: (flow) => flow.memory.locked === true,
} satisfies DriverVariant;

export default flowLock;
