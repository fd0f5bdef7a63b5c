/**
 * The orders in which a table read may return its flows that matter (docs/environment.md, "Table
 * enumeration order"): only the relative order of flows of one tuple changes what the agent does
 * (which record aggregation keeps first), so every such relative order is tried once, each tuple's
 * flows permuted in the positions they hold in the table.
 *
 * Leaves out: orders that differ only across tuples (the same outcome as insertion order).
 */
import type { FlowId } from '../engine/events.js';

/** Every distinct ordering of `xs` (a multiset: equal items are not told apart). */
export function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  const out: T[][] = [];
  const seen = new Set<T>();
  xs.forEach((x, i) => {
    if (seen.has(x)) return;
    seen.add(x);
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)]))
      out.push([x, ...rest]);
  });
  return out;
}

/**
 * The `order` fields a read of `table` may carry: `[undefined]` (insertion order, no field) when
 * no two flows of one tuple are in it, else every order that permutes each tuple's flows.
 *
 * @example
 * tableOrders([1, 2, 3], (f) => (f === 2 ? 2 : 1)) //=> [[1, 2, 3], [3, 2, 1]]
 */
export function tableOrders(
  table: readonly FlowId[],
  tupleOf: (flow: FlowId) => number,
): (readonly FlowId[] | undefined)[] {
  const slots = new Map<number, number[]>();
  table.forEach((f, i) => {
    const t = tupleOf(f);
    const s = slots.get(t);
    if (s === undefined) slots.set(t, [i]);
    else s.push(i);
  });
  const shared = [...slots.values()].filter((s) => new Set(s.map((i) => table[i])).size > 1);
  if (shared.length === 0) return [undefined];
  let orders: FlowId[][] = [[...table]];
  for (const s of shared) {
    const perms = permutations(s.map((i) => table[i] as FlowId));
    orders = orders.flatMap((o) =>
      perms.map((p) => {
        const next = [...o];
        s.forEach((pos, k) => (next[pos] = p[k] as FlowId));
        return next;
      }),
    );
  }
  return orders;
}
