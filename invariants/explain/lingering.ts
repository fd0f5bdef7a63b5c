/**
 * A lingering flow: where its last delete notification began, and what it saw. The explanation an
 * invariant falls back on when no other cause is found.
 */
import { isEnded } from '../../engine/driver/flow.js';
import { allFlows } from '../../engine/driver/tables.js';
import type { EngineState } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { formatEvent } from '../../engine/events.js';
import type { Explainer } from './Run.js';

export const lingering: Explainer = ({ states, quiescent, events, traceLength }) => {
  const stuck = allFlows(quiescent.driver).find(
    (f) => isEnded(f) && quiescent.driver.openFlows.includes(f.id),
  );
  if (stuck === undefined) return null;
  for (let i = 1; i <= traceLength; i++) {
    const before = (states[i - 1] as EngineState).driver.flows[stuck.id];
    const after = (states[i] as EngineState).driver.flows[stuck.id];
    if (before === undefined || after === undefined) continue;
    if (before.notifies < quiescent.config.layers && after.notifies === quiescent.config.layers) {
      const held = after.callouts + (after.exit === null ? 0 : 1);
      return `at step ${i} (${formatEvent(events[i - 1] as Event)}) the last delete notification began with refCount ${before.refCount} and ${held} callout(s) holding a reference: flow ${stuck.id} stayed in openFlows`;
    }
  }
  return `flow ${stuck.id} never got its last delete notification before the close-out`;
};
