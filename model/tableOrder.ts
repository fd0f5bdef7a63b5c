/**
 * The order a driver read returns a table in: the step's `order` when it names one (any
 * permutation of the table's flows: the driver's enumeration order is not fixed), else insertion
 * order (docs/environment.md, *Table enumeration order*).
 *
 * Leaves out: the driver's hash table itself (only the orders it may produce).
 */
import type { ModelContext } from './ModelContext.js';
import { flowAt } from './ModelContext.js';

/** `openFlows` in insertion order. */
export const openFlows = (c: ModelContext): readonly number[] =>
  c.openOrder.filter((k) => flowAt(c, k)?.table === 'open');

/** `closedFlows` in insertion order. */
export const closedFlows = (c: ModelContext): readonly number[] =>
  c.closedOrder.filter((k) => flowAt(c, k)?.table === 'closed');

/**
 * True when `order` is absent or a permutation of `table`.
 *
 * @example
 * isOrderOf([2, 1], [1, 2]) //=> true
 * isOrderOf([2], [1, 2]) //=> false
 */
export const isOrderOf = (order: readonly number[] | undefined, table: readonly number[]) =>
  order === undefined ||
  (order.length === table.length &&
    new Set(order).size === order.length &&
    order.every((k) => table.includes(k)));

/** The table as the read returns it: in `order` when given, else in insertion order. */
export const inReadOrder = (order: readonly number[] | undefined, table: readonly number[]) =>
  order ?? table;
