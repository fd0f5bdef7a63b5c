/**
 * The normal form of a group's share of the client's closed buffer (abstraction.ts A4): the
 * non-empty records in the buffer's order, then the empty ones (`IsEmpty`) by member, whose order
 * is never read.
 *
 * Leaves out: the records of other groups (each group's share is normalised alone).
 */
import { isEmpty } from '../engine/agent/ConnectionStats.js';
import type { Entry } from './LocalState.js';

const entryText = (e: Entry): string => `${e.member}:${JSON.stringify(e.record)}`;

/**
 * The buffer's normal form.
 *
 * @example
 * normalBuffer([empty2, full1, empty0]) //=> [full1, empty0, empty2]
 */
export function normalBuffer(buffer: readonly Entry[]): readonly Entry[] {
  const empties = buffer.filter((e) => isEmpty(e.record));
  if (empties.length < 2) return buffer;
  const sorted = empties
    .map((e) => [entryText(e), e] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, e]) => e);
  return [...buffer.filter((e) => !isEmpty(e.record)), ...sorted];
}
