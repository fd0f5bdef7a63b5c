/**
 * Renumbering flows: flows are interchangeable, so the explorer may keep one state for all the
 * states that differ only by which flow is which. To replay a path it must then say which flow of
 * the kept state is which flow of the state actually reached; these helpers find and apply that
 * renumbering. A tuple is renumbered as the flow it was first given to (its default is the
 * establishing flow's number, and the explorer only ever reuses such tuples).
 *
 * Leaves out: any symmetry but permutations of flows (the poll, the drain and the client are
 * shared, not permuted).
 */
import type { Event, FlowId } from '../engine/events.js';
import type { FlowRecord } from './FlowRecord.js';
import type { ModelContext } from './ModelContext.js';

/** A renumbering: flow `k` becomes flow `perm[k - 1]`. */
export type Renumbering = readonly number[];

/**
 * Every renumbering of `n` flows, the identity first.
 *
 * @example
 * renumberings(2) //=> [[1, 2], [2, 1]]
 */
export function renumberings(n: number): Renumbering[] {
  if (n === 0) return [[]];
  return renumberings(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, n - 1 - i), n, ...p.slice(n - 1 - i)]),
  );
}

/** Flow (or tuple) `k` renumbered; numbers outside the flows stay as they are. */
const image = (perm: Renumbering, k: number): number => perm[k - 1] ?? k;

/** The context with every flow renumbered; every list keeps its order. */
function renumberContext(c: ModelContext, perm: Renumbering): ModelContext {
  const flows = c.flows.slice();
  c.flows.forEach(
    (f, i) => (flows[image(perm, i + 1) - 1] = f && { ...f, tuple: image(perm, f.tuple) }),
  );
  const records = (rs: readonly FlowRecord[]) =>
    rs.map((r) => ({ ...r, flow: image(perm, r.flow) }));
  const ks = (list: readonly number[]) => list.map((k) => image(perm, k));
  return {
    ...c,
    flows,
    openOrder: ks(c.openOrder),
    closedOrder: ks(c.closedOrder),
    poll: c.poll === null ? null : { open: records(c.poll.open) },
    held: records(c.held),
    client: c.client === null ? null : { closed: records(c.client.closed) },
  };
}

/**
 * The event with its flows (and an establish's tuple) renumbered.
 *
 * @example
 * renumberEvent({ type: 'poll', step: 'readOpen', order: [1, 2] }, [2, 1]) //=> { type: 'poll', step: 'readOpen', order: [2, 1] }
 */
export function renumberEvent(e: Event, perm: Renumbering): Event {
  const flow = (k: FlowId) => image(perm, k) as FlowId;
  switch (e.type) {
    case 'poll':
      return e.order === undefined ? e : { ...e, order: e.order.map(flow) };
    case 'drain':
      return e.flow === undefined ? e : { ...e, flow: flow(e.flow) };
    case 'clientRegister':
    case 'clientExpire':
      return e;
    case 'establish':
      return e.tuple === undefined
        ? { ...e, flow: flow(e.flow) }
        : { ...e, flow: flow(e.flow), tuple: image(perm, e.tuple) };
    default:
      return { ...e, flow: flow(e.flow) };
  }
}

/** True for the identity. */
export const isIdentity = (perm: Renumbering): boolean => perm.every((k, i) => k === i + 1);

/**
 * The renumbering that turns `from` into `to` under the identity `key`, or `null` when none does.
 *
 * @example
 * renumberingBetween(ctxWithFlowsAB, ctxWithFlowsBA, exactKey) //=> [2, 1]
 */
export function renumberingBetween(
  from: ModelContext,
  to: ModelContext,
  key: (c: ModelContext) => string,
): Renumbering | null {
  const target = key(to);
  return (
    renumberings(from.flows.length).find((p) => key(renumberContext(from, p)) === target) ?? null
  );
}
