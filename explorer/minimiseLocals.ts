/**
 * Merges local states that behave alike (strong bisimulation, by partition refinement): two local
 * states are merged when they give the same verdicts, the same poll results and the same reads
 * to the whole-state invariants, and every step of one is matched by a step of the other into a
 * merged state. Flows meet only through the poll, which acts on each flow apart, so merging
 * within one flow's behaviour merges whole states that are bisimilar too: every verdict and every
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
  /** Local states reachable within the bounds (one flow alone, at most `P` polls). */
  readonly locals: number;
  /** Classes of equivalent local states. */
  readonly classes: number;
}

/** Every local state reachable from the absent flow, with the fewest polls that reach it. */
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
  // 0-1 breadth-first search: a completed poll costs 1, every other step 0.
  let layer = [tables.absent];
  set(tables.absent, 0);
  for (let d = 0; layer.length > 0; d++) {
    const nextLayer: number[] = [];
    for (let q = 0; q < layer.length; q++) {
      const i = layer[q] as number;
      if (at(i) !== d) continue;
      const zero = tables.moves(i).map((m) => m.next);
      const s = tables.local(i);
      if (!s.polling && d < polls) zero.push(tables.pollOpen(i));
      for (const j of zero) {
        if (at(j) === -1 || at(j) > d) {
          set(j, d);
          layer.push(j);
        }
      }
      const c = s.polling ? tables.pollClose(i) : null;
      if (c !== null && (at(c.next) === -1 || at(c.next) > d + 1)) {
        set(c.next, d + 1);
        nextLayer.push(c.next);
      }
    }
    layer = nextLayer;
  }
  return dist.subarray(0, tables.localCount);
}

/**
 * Computes the classes of the local states reachable within the bounds and makes `tables` use one
 * representative per class (the lowest-numbered state).
 *
 * @example
 * minimiseLocals(new LocalTables(config, invariants)) //=> { locals: 804, classes: 242 } (original × prefix, L = 1)
 */
export function minimiseLocals(tables: LocalTables): Minimised {
  const P = tables.config.bounds.polls;
  const dist = closure(tables, P);
  const ids: number[] = [];
  dist.forEach((d, i) => {
    if (d >= 0) ids.push(i);
  });
  const whole = tables.invariants.filter((inv) => !isPerFlow(inv));
  const readsAll = whole.some((inv) => WHOLE_STATE_READS[inv.name] === undefined);
  const observe = (i: number): string => {
    const s = tables.local(i);
    const c = s.polling ? tables.pollClose(i) : null;
    return stableJson([
      tables.safety(i),
      tables.quiescence(i),
      s.polling,
      s.polling
        ? c === null
          ? 'waits'
          : [c.violations, c.delta, readsAll ? c.lastPoll : null]
        : null,
      whole.map((inv) => WHOLE_STATE_READS[inv.name]?.(s) ?? null),
      readsAll ? localKey(s) : null,
      // First met after P polls: it never takes part in a poll.
      !s.polling && (dist[i] as number) >= P,
      // How the flow ended: split searches divide the work by it (shard.ts).
      s.flow?.status ?? null,
    ]);
  };
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
  let count = number(new Map(ids.map((i) => [i, observe(i)])));
  for (;;) {
    const sigs = new Map<number, string>();
    for (const i of ids) {
      const s = tables.local(i);
      const steps = [...new Set(tables.moves(i).map((m) => cls[m.next] as number))].sort(
        (a, b) => a - b,
      );
      let poll = -2;
      if (s.polling) poll = tables.pollClose(i)?.next ?? -1;
      else if ((dist[i] as number) < P) poll = tables.pollOpen(i);
      sigs.set(i, `${cls[i]}|${steps.join(',')}|${poll < 0 ? poll : cls[poll]}`);
    }
    const next = number(sigs);
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
