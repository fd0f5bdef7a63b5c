/**
 * Flow lock: a per-flow spin lock guards the count and the move. Under it the notify and the
 * release each decrement, and whoever leaves only the table's reference while the flow is still
 * in `openFlows` moves it. The poll's drain drops the table's reference, so it takes the lock
 * too. A step that would spin on a held lock cannot run.
 *
 * Leaves out: spinning itself (a blocked acquire is simply not a possible next event).
 */
import { withMemory } from '../../lib/FlowMemory.js';
import type { ModelFlow } from '../ModelFlow.js';
import { BLOCKED, done, driverModel, next } from '../driverModel.js';
import { moveToClosedTable, releaseReference } from '../ModelFlow.js';

const acquire = (f: ModelFlow) =>
  f.memory.locked === true ? BLOCKED : next(withMemory(f, 'locked', true), 'update');

const update = (f: ModelFlow) => {
  const g = releaseReference(f);
  return next(g.refCount === 1 && g.table === 'open' ? moveToClosedTable(g) : g, 'release');
};

const release = (f: ModelFlow) => done(withMemory(f, 'locked', false));

export default driverModel({
  name: 'flow-lock',
  summary: 'a per-flow spin lock around decrement, check and move, in the notify and the release',
  memory: { locked: false },
  flowDeleteNotify: { acquire, update, release },
  calloutExit: { acquire, update, release },
  drainWaits: (f) => f.memory.locked === true,
});
