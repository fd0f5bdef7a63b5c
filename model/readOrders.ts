/**
 * The table orders worth exploring: the driver may return a table in any order, but only the
 * order among flows of one tuple changes what ships (the aggregation keeps the first record of a
 * tuple; docs/environment.md, *Table enumeration order*). One order per distinct arrangement
 * within the tuples: insertion order as the step without `order`, the others named.
 *
 * Leaves out: orders that differ only between flows of different tuples.
 */
import { renumberings } from './flowSymmetry.js';
import type { ModelContext } from './ModelContext.js';

/** Each tuple's flows in the order `order` reads them. */
const arrangement = (c: ModelContext, order: readonly number[]): string =>
  [...new Set(order.map((k) => c.flows[k - 1]?.tuple))]
    .map((t) => order.filter((k) => c.flows[k - 1]?.tuple === t).join(' '))
    .sort()
    .join('/');

/**
 * The orders to try for a read of `table` (its flows in insertion order): `undefined` (insertion
 * order) first, then one named order per other arrangement within the tuples.
 *
 * @example
 * readOrders(contextWithFlows1And2OfOneTuple, [1, 2]) //=> [undefined, [2, 1]]
 */
export function readOrders(
  c: ModelContext,
  table: readonly number[],
): (readonly number[] | undefined)[] {
  const seen = new Set([arrangement(c, table)]);
  const out: (readonly number[] | undefined)[] = [undefined];
  for (const perm of renumberings(table.length)) {
    const order = perm.map((i) => table[i - 1] as number);
    const a = arrangement(c, order);
    if (seen.has(a)) continue;
    seen.add(a);
    out.push(order);
  }
  return out;
}
