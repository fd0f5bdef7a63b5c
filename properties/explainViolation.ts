/**
 * The *because* of a counterexample (Elle's style): the step that made the violation possible,
 * found by looking at the states the trace went through.
 */
import { isEnded } from '../engine/driver/flow.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import { allFlows } from '../engine/driver/tables.js';
import { totalFailures } from '../engine/agent/tcpFailures.js';

/**
 * One line saying why, or null when no single step explains it.
 *
 * @example
 * explainViolation(states, events, 'NoLingeringAtQuiescence')
 * //=> 'at step 10 (flowDeleteNotify(1).cas) refCount was 3 while a callout held a reference: flow 1 stayed in openFlows'
 */
export function explainViolation(states: readonly EngineState[], events: readonly Event[], quiescent: EngineState, invariant: string): string | null {
  if (['FailuresWithinCloses', 'RateAtMost100', 'FailureReportedOnce', 'TelemetryMatchesSuppressions'].includes(invariant)) {
    // A re-report: a poll shipped failures for a connection that adds no close.
    for (let i = 1; i < states.length; i++) {
      const s = states[i] as EngineState;
      if (s.lastPoll === null || s.lastPoll === (states[i - 1] as EngineState).lastPoll) continue;
      const r = s.lastPoll.records.find((x) => x.lastTCPClosed === 0 && totalFailures(x.rawFailures) > 0);
      if (r !== undefined) {
        const shipped = totalFailures(r.tcpFailures) > 0 ? `shipped its failure again` : `carried its failure again (not shipped)`;
        const where = (states[i - 1] as EngineState).driver.openFlows.includes(r.flow as never) ? 'still in openFlows' : 'drained from closedFlows';
        return `at step ${i} (${formatEvent(events[i - 1] as Event)}) connection ${r.cookie}, ${where}, was re-reported with TCPClosed 0 and ${shipped}`;
      }
    }
  }
  // A lingering flow: where its last notify began, and what it saw.
  const stuck = allFlows(quiescent.driver).find((f) => isEnded(f) && quiescent.driver.openFlows.includes(f.id));
  if (stuck !== undefined) {
    for (let i = 1; i < states.length; i++) {
      const before = (states[i - 1] as EngineState).driver.flows[stuck.id];
      const after = (states[i] as EngineState).driver.flows[stuck.id];
      if (before === undefined || after === undefined) continue;
      if (before.notifies < quiescent.config.layers && after.notifies === quiescent.config.layers) {
        const held = after.callouts + (after.exit === null ? 0 : 1);
        return `at step ${i} (${formatEvent(events[i - 1] as Event)}) the last delete notification began with refCount ${before.refCount} and ${held} callout(s) holding a reference: flow ${stuck.id} stayed in openFlows`;
      }
    }
    return `flow ${stuck.id} never got its last delete notification before the close-out`;
  }
  return null;
}
