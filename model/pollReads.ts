/**
 * The driver's two reads as the model sees them: `readOpen` returns every flow in `openFlows` and
 * removes nothing; the closed read (the poll's `readClosed`, and the drain's `read`) takes every
 * flow of `closedFlows`, each returned once and its table reference released. Each read is one
 * atomic step, in the step's order or insertion order.
 *
 * Leaves out: table capacity and the closed-flows-ready event's threshold.
 */
import type { FlowRecord } from './FlowRecord.js';
import { recordOf } from './FlowRecord.js';
import { storeClosed } from './ModelClient.js';
import type { ModelContext } from './ModelContext.js';
import { flowAt } from './ModelContext.js';
import type { ModelFlow } from './ModelFlow.js';
import { releaseReference } from './ModelFlow.js';
import { closedFlows, inReadOrder, openFlows } from './tableOrder.js';

/**
 * Step `readOpen`: the records of `openFlows` in read order; each flow read counts as the
 * agent's latest read of its bytes.
 *
 * @example
 * readOpenFlows(contextWithOneOpenFlow).poll //=> { open: [{ flow: 1, moved: false, bytes: false, flowClosed: false, failures: 0 }] }
 */
export function readOpenFlows(c: ModelContext, order?: readonly number[]): Partial<ModelContext> {
  const ks = inReadOrder(order, openFlows(c));
  const open = ks.map((k) => recordOf(k, flowAt(c, k) as ModelFlow));
  const flows = c.flows.map((f, i) =>
    ks.includes(i + 1) && f !== null ? { ...f, moved: false } : f,
  );
  return { flows, poll: { open } };
}

/** The destructive `GET_CLOSED_FLOWS` read: the records, and the flows out of every table. */
export function readClosedFlows(
  c: ModelContext,
  order?: readonly number[],
): { readonly flows: ModelContext['flows']; readonly records: readonly FlowRecord[] } {
  const ks = inReadOrder(order, closedFlows(c));
  const records = ks.map((k) => recordOf(k, flowAt(c, k) as ModelFlow));
  const flows = c.flows.map((f, i) =>
    ks.includes(i + 1) && f !== null
      ? { ...releaseReference(f), table: 'none' as const, moved: false }
      : f,
  );
  return { flows, records };
}

/**
 * Step `readClosed`, driver half: the closed read, then `StoreClosedConnection` of each record
 * into client 1 if it is registered (docs/environment.md, *How a poll ships*, step 1).
 *
 * @example
 * drainClosedFlows(contextWithAMovedFlow).flows[0].table //=> 'none'
 */
export function drainClosedFlows(
  c: ModelContext,
  order?: readonly number[],
): Partial<ModelContext> {
  const { flows, records } = readClosedFlows(c, order);
  return { flows, client: records.reduce(storeClosed, c.client) };
}
