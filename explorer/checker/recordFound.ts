/**
 * Recording a violation once: the first report of each property is kept (breadth first, the first
 * is a shortest one). Both checkers, on one thread and in each worker, record through this.
 *
 * Leaves out: what a checker does when something new is found (stop, or tell the coordinator).
 */
import type { Found } from './SearchModel.js';

/**
 * Records each property of `bits` that `found` does not hold yet, as violated at `state` (and,
 * for a step, its target `key`) at depth `at`; returns the bits newly recorded.
 *
 * @example
 * recordFound(new Map(), 0b101, 7, null, 3) //=> 0b101
 */
export function recordFound(
  found: Map<number, Found>,
  bits: number,
  state: number,
  key: Uint32Array | null,
  at: number,
): number {
  let added = 0;
  for (let k = 0, b = bits; b !== 0; k++, b >>>= 1) {
    if ((b & 1) === 0 || found.has(k)) continue;
    found.set(k, { depth: at, state, key: key === null ? null : key.slice() });
    added |= 1 << k;
  }
  return added;
}
