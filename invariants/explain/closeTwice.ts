/**
 * A flow's close shipped a second time in one client session: the drain stored its record after a
 * poll had forgotten the flow's baseline.
 */
import type { Event } from '../../engine/events.js';
import { at, polls, type Explainer } from './Run.js';

/** The index of the last event before index `end` that `test` accepts, or -1. */
function lastBefore(events: readonly Event[], end: number, test: (e: Event) => boolean): number {
  for (let k = end - 1; k >= 0; k--) if (test(events[k] as Event)) return k;
  return -1;
}

export const closeTwice: Explainer = (run) => {
  for (const { i, poll } of polls(run)) {
    const part = poll.records
      .flatMap((r) => r.parts)
      .find((p) => p.lastTCPClosed > 0 && p.closesBefore > 0);
    if (part === undefined) continue;
    const store = lastBefore(run.events, i - 1, (e) => e.type === 'drain' && e.step !== 'read');
    const read = lastBefore(run.events, store, (e) => e.type === 'drain' && e.step === 'read');
    const between = polls(run).find((p) => p.i > read + 1 && p.i < store + 1);
    const why =
      read >= 0 && between !== undefined
        ? `: the drain read its closed record ${at(run, read + 1)}, the poll ${at(run, between.i)} ran before the store ${at(run, store + 1)} and forgot the flow's baseline, so the record came back with Last = Monotonic`
        : ': its record came with no baseline';
    return `${at(run, i)} flow ${part.flow} shipped its close a second time${why}`;
  }
  return null;
};
