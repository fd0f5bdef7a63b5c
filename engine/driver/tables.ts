/**
 * The driver's two tables: `openFlows`, read by every poll without removing anything, and
 * `closedFlows`, drained by the poll (each flow returned once, then removed and its table
 * reference released).
 *
 * Leaves out: table capacity (`maxClosedFlows`, drops) and the closed-flows-ready event that lets
 * the agent drain between polls; the table lock is implicit, since each table access is one step.
 */
import type { FlowId } from '../events.js';
import type { Flow } from './flow.js';

/** Every flow the driver ever created, and its two tables. */
export interface DriverState {
  /** Layer associations per flow (`L`). */
  readonly layers: number;
  /** Flows by number; index 0 is unused. */
  readonly flows: readonly (Flow | undefined)[];
  readonly openFlows: readonly FlowId[];
  readonly closedFlows: readonly FlowId[];
}

/** An empty driver with `L` associations per flow. */
export const emptyDriver = (layers: number): DriverState => ({
  layers,
  flows: [],
  openFlows: [],
  closedFlows: [],
});

/** Every established flow, by number (the `flows` array has a hole at 0 and for gaps). */
export const allFlows = (driver: DriverState): readonly Flow[] =>
  driver.flows.filter((f): f is Flow => f !== undefined);

/** The flow numbered `id`, if it was ever established. */
export const getFlow = (driver: DriverState, id: FlowId): Flow | undefined => driver.flows[id];

/**
 * Replaces flow `flow.id`, counting an access if the flow was already freed (a use after free).
 */
export function putFlow(driver: DriverState, flow: Flow): DriverState {
  const flows = driver.flows.slice();
  flows[flow.id] = flow;
  return { ...driver, flows };
}

/** Applies `update` to flow `id`; an access to a freed flow is counted, not prevented. */
export function updateFlow(
  driver: DriverState,
  id: FlowId,
  update: (flow: Flow) => Flow,
): DriverState {
  const flow = driver.flows[id];
  if (flow === undefined) return driver;
  const touched = flow.freed ? { ...flow, accessesAfterFree: flow.accessesAfterFree + 1 } : flow;
  return putFlow(driver, update(touched));
}

/** Which table holds the flow, as the engine's observable projection names it. */
export type TableName = 'open' | 'closed' | 'both' | 'none';

/** The table that holds flow `id`. */
export function tableOf(driver: DriverState, id: FlowId): TableName {
  const open = driver.openFlows.includes(id);
  const closed = driver.closedFlows.includes(id);
  if (open && closed) return 'both';
  if (open) return 'open';
  return closed ? 'closed' : 'none';
}

/**
 * Moves the flow from `openFlows` to `closedFlows` and sets `FLOW_CLOSED`, as
 * `DecrementRefCountAndMoveFromOpenToClosedTable` does (flowdata.c, quoted in the agent's
 * comments). A second move appends the flow to `closedFlows` again: the invariants catch it.
 *
 * @example
 * moveToClosedTable(driver, flowId(1)).closedFlows //=> [1]
 */
export function moveToClosedTable(driver: DriverState, id: FlowId): DriverState {
  const moved = updateFlow(driver, id, (flow) => ({ ...flow, flowClosed: true }));
  return {
    ...moved,
    openFlows: moved.openFlows.filter((f) => f !== id),
    closedFlows: [...moved.closedFlows, id],
  };
}
