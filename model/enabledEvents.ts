/**
 * The explorer's events: what may happen next in a snapshot, within bounds that keep the graph
 * finite (flows established in number order, at most `callouts` callouts holding or releasing a
 * reference per flow, one traffic event per flow between the agent's reads of it and none once
 * no poll is left, at most `polls` polls), at step level, keeping only those the model accepts.
 *
 * Leaves out: traffic on a drained flow (a no-op) and whole operations without `step` (the
 * explorer works at step level, as the generators do).
 */
import type { Event, FlowId } from '../engine/events.js';
import type { ModelFlow } from './ModelFlow.js';
import { hasEnded, isTracked } from './ModelFlow.js';
import type { ModelSnapshot, SystemModel } from './systemModel.js';

/** The explorer's bounds. */
export interface ExploreBounds {
  /** Callouts holding or releasing a reference at once, per flow. @defaultValue 2 */
  readonly callouts: number;
  /** Polls in a path. @defaultValue 2 */
  readonly polls: number;
}

/** The default bounds. */
export const DEFAULT_BOUNDS: ExploreBounds = { callouts: 2, polls: 2 };

/** Bytes a generated traffic event carries (the model only sees that bytes moved). */
export const TRAFFIC_BYTES = 10;

function flowEvents(
  m: SystemModel,
  f: ModelFlow,
  flow: FlowId,
  pollAhead: boolean,
  b: ExploreBounds,
): Event[] {
  const out: Event[] = [];
  const [firstExit = ''] = m.driver.steps.calloutExit;
  const [firstNotify = ''] = m.driver.steps.flowDeleteNotify;
  // Bytes matter only to a later read: no traffic once no poll is left to see it.
  if (pollAhead && isTracked(f) && !f.moved)
    out.push({ type: 'traffic', flow, bytes: TRAFFIC_BYTES });
  if (f.callouts + (f.exit === null ? 0 : 1) < b.callouts) out.push({ type: 'calloutEnter', flow });
  if (!hasEnded(f)) out.push({ type: 'reset', flow }, { type: 'fin', flow });
  if (f.notify !== null) out.push({ type: 'flowDeleteNotify', flow, step: f.notify.step });
  else if (hasEnded(f)) out.push({ type: 'flowDeleteNotify', flow, step: firstNotify });
  // Releases after notifies: breadth-first search then prefers paths that release last.
  if (f.exit !== null) out.push({ type: 'calloutExit', flow, step: f.exit.step });
  else if (f.callouts > 0) out.push({ type: 'calloutExit', flow, step: firstExit });
  return out;
}

/**
 * The events the explorer tries from `s`, each one the model accepts.
 *
 * @example
 * enabledEvents(m, modelStart(m), DEFAULT_BOUNDS) //=> [establish(1), poll.readOpen]
 */
export function enabledEvents(m: SystemModel, s: ModelSnapshot, b: ExploreBounds): Event[] {
  const c = s.context;
  const out: Event[] = [];
  const pollAhead = c.poll !== null || c.polls < b.polls;
  for (const [i, f] of c.flows.entries()) {
    const flow = (i + 1) as FlowId;
    // Flows are interchangeable: establishing them in number order loses no behaviour.
    if (f === null) {
      if (i === 0 || c.flows[i - 1] !== null) out.push({ type: 'establish', flow });
    } else out.push(...flowEvents(m, f, flow, pollAhead, b));
  }
  if (c.poll !== null) out.push({ type: 'poll', step: 'readClosed' });
  else if (c.polls < b.polls) out.push({ type: 'poll', step: 'readOpen' });
  return out.filter((e) => s.can(e));
}
