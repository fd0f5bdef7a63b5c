/**
 * Renumbering flows: flows are interchangeable, so the explorer may keep one state for all the
 * states that differ only by which flow is which. To replay a path it must then say which flow of
 * the kept state is which flow of the state actually reached; these helpers find and apply that
 * renumbering.
 *
 * Leaves out: any symmetry but permutations of flows (the poll is shared, not permuted).
 */
import type { Event, FlowId } from '../engine/events.js';
import type { FlowRecord, ModelContext } from './ModelContext.js';

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

/** The context with every flow renumbered. */
export function renumberContext(c: ModelContext, perm: Renumbering): ModelContext {
  const flows = c.flows.slice();
  c.flows.forEach((f, i) => (flows[(perm[i] ?? i + 1) - 1] = f));
  const renumber = (rs: readonly FlowRecord[]) =>
    rs.map((r) => ({ ...r, flow: perm[r.flow - 1] ?? r.flow })).sort((a, b) => a.flow - b.flow);
  const poll =
    c.poll === null ? null : { open: renumber(c.poll.open), closed: renumber(c.poll.closed) };
  return { ...c, flows, poll };
}

/** The event with its flow renumbered. */
export const renumberEvent = (e: Event, perm: Renumbering): Event =>
  e.type === 'poll' ? e : { ...e, flow: (perm[e.flow - 1] ?? e.flow) as FlowId };

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
