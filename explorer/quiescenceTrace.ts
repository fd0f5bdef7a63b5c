/**
 * A quiescence violation's trace that fails when replayed. Under symmetry the search stores one
 * numbering of each tuple group's flows, but the close-out before a quiescence invariant releases
 * and notifies in flow number order (abstraction.ts A6); so when the trace rebuilt from the stored
 * path holds after its close-out, its flows are renumbered within their groups until one fails.
 *
 * Leaves out: safety invariants (they read no flow number: any numbering fails alike).
 */
import { runEvents } from '../engine/run.js';
import type { Event, FlowId } from '../engine/events.js';
import type { Invariant } from '../invariants/Invariant.js';
import { closedOut } from './closedOut.js';
import type { LocalTables } from './LocalTables.js';
import { permutations } from './tableOrders.js';

/** `events` with flow `f` renamed `to.get(f)`; an establish keeps its tuple. */
export function renameFlows(events: readonly Event[], to: ReadonlyMap<number, number>): Event[] {
  const n = (f: number) => (to.get(f) ?? f) as FlowId;
  return events.map((e): Event => {
    switch (e.type) {
      case 'establish': {
        const tuple = e.tuple ?? e.flow;
        return { type: 'establish', flow: n(e.flow), ...(tuple === n(e.flow) ? {} : { tuple }) };
      }
      case 'poll':
        return e.order === undefined ? e : { ...e, order: e.order.map(n) };
      case 'drain':
        return e.flow === undefined ? e : { ...e, flow: n(e.flow) };
      case 'clientRegister':
      case 'clientExpire':
        return e;
      default:
        return { ...e, flow: n(e.flow) };
    }
  });
}

/** True when `events` replay and their close-out violates `invariant`. */
function fails(tables: LocalTables, invariant: Invariant, events: readonly Event[]): boolean {
  const run = runEvents(tables.engine, events);
  if (!run.ok) return false;
  const last = run.value[run.value.length - 1];
  return last !== undefined && !invariant.check(closedOut(tables.engine, last)).ok;
}

/**
 * `events`, or the first renumbering of its flows within their tuple groups whose close-out
 * violates `invariant`.
 *
 * @example
 * quiescenceTrace(tables, FailureReportedOnce, events).length === events.length //=> true
 */
export function quiescenceTrace(
  tables: LocalTables,
  invariant: Invariant,
  events: readonly Event[],
): Event[] {
  if (fails(tables, invariant, events)) return [...events];
  let maps: Map<number, number>[] = [new Map<number, number>()];
  for (const { flows } of tables.places) {
    const perms = permutations([...flows]);
    maps = maps.flatMap((m) =>
      perms.map((p) => new Map([...m, ...flows.map((f, i) => [f, p[i] as number] as const)])),
    );
  }
  for (const m of maps) {
    const renamed = renameFlows(events, m);
    if (fails(tables, invariant, renamed)) return renamed;
  }
  throw new Error(
    `explorer: no numbering of the trace's flows fails ${invariant.name} after its close-out`,
  );
}
