/**
 * A group share with the empty records of its client's closed buffer in the other order: the
 * explorer steps both orders and checks that they agree, since it keeps only one (abstraction.ts
 * A4: the order of a tuple's empty closed records is never read).
 *
 * Leaves out: the non-empty records, whose order is kept.
 */
import { isEmpty } from '../engine/agent/ConnectionStats.js';
import type { LocalState } from './LocalState.js';

/**
 * The share with its empty closed records in the other order, or null with fewer than two.
 *
 * @example
 * emptiesReversed(absentGroup(1, true)) //=> null
 */
export function emptiesReversed(s: LocalState): LocalState | null {
  const full = s.buffer.filter((e) => !isEmpty(e.record));
  const empties = s.buffer.filter((e) => isEmpty(e.record));
  return empties.length < 2 ? null : { ...s, buffer: [...full, ...empties.reverse()] };
}
