/**
 * Merges local states that behave alike (strong bisimulation, by partition refinement): two local
 * states are merged when they give the same verdicts, the same poll results, the same reads to the
 * whole-state invariants and the same part in what enables the steps every group takes together
 * (the poll's wait for a lock, the drain's read), and every step of one (its own, and its part of
 * every step taken together, in each table order) is matched by a step of the other into a merged
 * state. Groups meet only through those steps, which act on each group apart, so merging within
 * one group's behaviour merges whole states that are bisimilar too: every verdict and every
 * shortest-trace length is kept, and far fewer states remain (one flow's few hundred local states
 * fall to a third or less, and the product of N flows by that to the power N).
 *
 * Leaves out: weak equivalences (each step is one event of a trace, so steps are matched one for
 * one). A local state first met after `P` polls is kept apart from the rest, since it never meets
 * another poll.
 */
import type { LocalTables } from './LocalTables.js';
import { localKey, stableJson } from './LocalState.js';
import { isPerFlow, WHOLE_STATE_READS } from './invariantScope.js';

/** What minimisation did. */
export interface Minimised {
  /** Local states reachable within the bounds (one group alone, at most `P` polls). */
  readonly locals: number;
  /** Classes of equivalent local states. */
  readonly classes: number;
}

/** The steps a group alone can take from local state `i`: [cost-0 targets, cost-1 targets]. */
function reach(tables: LocalTables, i: number, polls: number, d: number): [number[], number[]] {
  const s = tables.local(i);
  const zero = tables.moves(i).map((m) => m.next);
  if (!s.polling && d < polls) zero.push(...tables.pollOpen(i));
  const drain = tables.drainRead(i);
  if (drain.closed && !drain.holds && !drain.waits) zero.push(drain.next);
  if (tables.features.clientChurn) zero.push(tables.churn(i));
  const one = s.polling ? (tables.pollClose(i) ?? []).map((c) => c.next) : [];
  return [zero, one];
}

/** Every local state reachable from the absent groups, with the fewest polls that reach it. */
function closure(tables: LocalTables, polls: number): Int32Array {
  let dist = new Int32Array(64).fill(-1);
  const at = (i: number) => (i < dist.length ? (dist[i] as number) : -1);
  const set = (i: number, d: number) => {
    if (i >= dist.length) {
      const grown = new Int32Array(Math.max(dist.length * 2, i + 1)).fill(-1);
      grown.set(dist);
      dist = grown;
    }
    dist[i] = d;
  };
  // 0-1 breadth-first search: a completed poll costs 1, every other step 0. Groups of one flow
  // only: a group of several is never merged (GroupTables.ts).
  let layer = tables.places.some((p) => p.flows.length === 1) ? [tables.absentOf(1)] : [];
  for (const i of layer) set(i, 0);
  for (let d = 0; layer.length > 0; d++) {
    const nextLayer: number[] = [];
    for (let q = 0; q < layer.length; q++) {
      const i = layer[q] as number;
      if (at(i) !== d) continue;
      const [zero, one] = reach(tables, i, polls, d);
      for (const j of zero) {
        if (at(j) === -1 || at(j) > d) {
          set(j, d);
          layer.push(j);
        }
      }
      for (const j of one) {
        if (at(j) === -1 || at(j) > d + 1) {
          set(j, d + 1);
          nextLayer.push(j);
        }
      }
    }
    layer = nextLayer;
  }
  return dist.subarray(0, tables.localCount);
}

/**
 * Meets every local state a group of one flow reaches alone within the bounds, in a fixed order
 * (compileTables.ts).
 */
export const localClosure = (tables: LocalTables): void => {
  closure(tables, tables.config.bounds.polls);
};

/** What local state `i` shows before any step: verdicts, poll results, reads, enabling. */
function observation(tables: LocalTables, i: number, afterLastPoll: boolean): string {
  const whole = tables.invariants.filter((inv) => !isPerFlow(inv));
  const readsAll = whole.some((inv) => WHOLE_STATE_READS[inv.name] === undefined);
  const s = tables.local(i);
  const closes = s.polling ? tables.pollClose(i) : null;
  const drain = tables.features.asyncDrain ? tables.drainRead(i) : null;
  return stableJson([
    tables.safety(i),
    tables.quiescence(i),
    s.polling,
    s.polling ? (closes === null ? 'waits' : closeSignatures(closes, readsAll, null)) : null,
    whole.map((inv) => WHOLE_STATE_READS[inv.name]?.(s) ?? null),
    readsAll ? localKey(s) : null,
    // First met after P polls: it never takes part in a poll.
    !s.polling && afterLastPoll,
    // How the flows ended: split searches divide the work by it (shard.ts).
    s.members.map((m) => m.flow?.status ?? null).sort(),
    s.registered,
    drain === null ? null : [drain.closed, drain.holds, drain.waits],
  ]);
}

/** One signature per `readClosed` result: what it ships and judges, and (given) its class. */
function closeSignatures(
  closes: readonly { next: number; delta: number; violations: number; lastPoll: unknown }[],
  readsAll: boolean,
  cls: Int32Array | null,
): string[] {
  const sigs = closes.map((c) =>
    stableJson([
      c.violations,
      c.delta,
      readsAll ? c.lastPoll : null,
      cls === null ? null : cls[c.next],
    ]),
  );
  return [...new Set(sigs)].sort();
}

const classSet = (xs: readonly number[], cls: Int32Array): string =>
  [...new Set(xs.map((x) => cls[x] as number))].sort((a, b) => a - b).join(',');

/** What local state `i`'s steps lead to, in classes. */
function stepSignature(
  tables: LocalTables,
  i: number,
  cls: Int32Array,
  afterLastPoll: boolean,
): string {
  const s = tables.local(i);
  const whole = tables.invariants.filter((inv) => !isPerFlow(inv));
  const readsAll = whole.some((inv) => WHOLE_STATE_READS[inv.name] === undefined);
  let poll = '-';
  if (s.polling) {
    const c = tables.pollClose(i);
    poll = c === null ? 'waits' : closeSignatures(c, readsAll, cls).join(';');
  } else if (!afterLastPoll) poll = classSet(tables.pollOpen(i), cls);
  const drain = tables.features.asyncDrain ? cls[tables.drainRead(i).next] : -1;
  const churn = tables.features.clientChurn ? cls[tables.churn(i)] : -1;
  return `${cls[i]}|${classSet(
    tables.moves(i).map((m) => m.next),
    cls,
  )}|${poll}|${drain}|${churn}`;
}

/**
 * Computes the classes of the local states reachable within the bounds and makes `tables` use one
 * representative per class (the lowest-numbered state).
 *
 * @example
 * minimiseLocals(new LocalTables(config, invariants)) //=> { locals: 804, classes: 242 } (original × prefix, L = 1, isolated)
 */
export function minimiseLocals(tables: LocalTables): Minimised {
  const P = tables.config.bounds.polls;
  const dist = closure(tables, P);
  const ids: number[] = [];
  dist.forEach((d, i) => {
    if (d >= 0) ids.push(i);
  });
  const late = (i: number) => (dist[i] as number) >= P;
  const cls = new Int32Array(dist.length).fill(-1);
  const number = (sigs: Map<number, string>): number => {
    const seen = new Map<string, number>();
    for (const i of ids) {
      const sig = sigs.get(i) as string;
      let k = seen.get(sig);
      if (k === undefined) {
        k = seen.size;
        seen.set(sig, k);
      }
      cls[i] = k;
    }
    return seen.size;
  };
  let count = number(new Map(ids.map((i) => [i, observation(tables, i, late(i))])));
  for (;;) {
    const next = number(new Map(ids.map((i) => [i, stepSignature(tables, i, cls, late(i))])));
    if (next === count) break;
    count = next;
  }
  const rep = new Int32Array(count).fill(-1);
  for (const i of ids) if ((rep[cls[i] as number] as number) < 0) rep[cls[i] as number] = i;
  const canonOf = new Int32Array(dist.length);
  for (let i = 0; i < dist.length; i++)
    canonOf[i] = (cls[i] as number) < 0 ? i : (rep[cls[i] as number] as number);
  tables.useClasses(canonOf);
  return { locals: ids.length, classes: count };
}
