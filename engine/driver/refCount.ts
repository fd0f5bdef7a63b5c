/**
 * The interlocked instructions on a flow's `refCount`: each is one atomic step. A decrement that
 * reaches 0 frees the flow.
 *
 * Leaves out: memory ordering (every `Interlocked*` call is a full barrier, so sequential
 * consistency is faithful here).
 */
import type { FlowId } from '../events.js';
import type { DriverState } from './tables.js';
import { updateFlow } from './tables.js';

/** A driver state with the value an interlocked instruction returned. */
export interface Interlocked {
  readonly driver: DriverState;
  readonly value: number;
}

function writeRefCount(driver: DriverState, id: FlowId, refCount: number): DriverState {
  return updateFlow(driver, id, (flow) => ({
    ...flow,
    refCount,
    freed: flow.freed || refCount === 0,
    lowestRefCount: Math.min(flow.lowestRefCount, refCount),
  }));
}

/**
 * `InterlockedIncrement(&refCount)`: returns the new value.
 *
 * @example
 * interlockedIncrement(driver, flowId(1)).value //=> 6 (from 5)
 */
export function interlockedIncrement(driver: DriverState, id: FlowId): Interlocked {
  const value = (driver.flows[id]?.refCount ?? 0) + 1;
  return { driver: writeRefCount(driver, id, value), value };
}

/**
 * `InterlockedDecrement(&refCount)`: returns the new value; at 0 the flow is freed.
 *
 * @example
 * interlockedDecrement(driver, flowId(1)).value //=> 4 (from 5)
 */
export function interlockedDecrement(driver: DriverState, id: FlowId): Interlocked {
  const value = (driver.flows[id]?.refCount ?? 0) - 1;
  return { driver: writeRefCount(driver, id, value), value };
}

/**
 * `InterlockedCompareExchange(&refCount, exchange, comparand)`: writes `exchange` when the count
 * equals `comparand`, and returns the value it found. With `(2, 2)` it writes nothing: it is the
 * original driver's atomic "is it exactly 2?" test.
 *
 * @example
 * interlockedCompareExchange(driver, flowId(1), 2, 2).value //=> 3 while a callout holds a reference
 */
export function interlockedCompareExchange(
  driver: DriverState,
  id: FlowId,
  exchange: number,
  comparand: number,
): Interlocked {
  const value = driver.flows[id]?.refCount ?? 0;
  if (value !== comparand || exchange === comparand) {
    return { driver: updateFlow(driver, id, (flow) => flow), value };
  }
  return { driver: writeRefCount(driver, id, exchange), value };
}
