/**
 * A tuple group's share with its flows numbered otherwise (abstraction.ts A6): the close-out of
 * the quiescence invariants releases and notifies in flow number order, so under symmetry the
 * explorer judges every numbering of a group's members.
 *
 * Leaves out: which numbering a search stores (GroupTables.ts picks the canonical one).
 */
import type { Entry, LocalState } from './LocalState.js';
import { normalBuffer } from './normalBuffer.js';

/**
 * The share with member j renamed `perm[j]`.
 *
 * @example
 * renameMembers(s, [1, 0]).members //=> [s.members[1], s.members[0]]
 */
export function renameMembers(s: LocalState, perm: readonly number[]): LocalState {
  const to = (j: number) => perm[j] as number;
  const members = s.members.slice();
  s.members.forEach((m, j) => (members[to(j)] = m));
  const entries = (es: readonly Entry[]) => es.map((e) => ({ ...e, member: to(e.member) }));
  return {
    ...s,
    members,
    open: s.open.map(to),
    closed: s.closed.map(to),
    held: entries(s.held),
    buffer: normalBuffer(entries(s.buffer)),
    captured: entries(s.captured),
  };
}
