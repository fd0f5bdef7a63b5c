/**
 * The poll's `readClosed` results of one group, one per order of the closed table, with those
 * that no later step could tell apart kept once: the explorer follows each distinct one.
 *
 * Leaves out: `lastPoll` when no whole-state invariant reads it (it is dropped after the step that
 * completes the poll: abstraction.ts).
 */
import { stableJson } from './LocalState.js';
import type { PollClose } from './PollClose.js';

/**
 * The results told apart by next state, counters, verdicts and (when read) lastPoll.
 *
 * @example
 * const c = { next: 3, delta: 0, violations: 0, lastPoll: null };
 * distinctCloses([c, { ...c }], false).length //=> 1
 */
export function distinctCloses(cs: readonly PollClose[], readsLastPoll: boolean): PollClose[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = stableJson([c.next, c.delta, c.violations, readsLastPoll ? c.lastPoll : null]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
