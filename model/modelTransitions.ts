/**
 * The model's transitions as coverage counts them: for each flow region, the region's state
 * (its lifecycle phase) with the steps of the operations part-way through on the flow, the event
 * (type and step, no flow number), and the same after. A driver event is a transition of the
 * flow it names; a drain step, of the flows it reads or the flow whose record it stores; a poll
 * or client churn, of every established flow's region (each may change any flow's agent state).
 *
 * Leaves out: counts and the agent's state (two transitions that differ only in `refCount` or in
 * what has shipped are one transition here).
 */
import type { Event } from '../engine/events.js';
import { flowNamed } from './ModelContext.js';
import { closedFlows } from './tableOrder.js';
import type { Phase } from './phaseOf.js';
import type { ModelSnapshot } from './systemModel.js';

/** Flow `k`'s region state as the machine's state value has it. */
export function regionState(s: ModelSnapshot, k: number): Phase {
  const v = (s.value as Record<string, unknown>)[`flow${k}`];
  if (typeof v === 'string') return v as Phase;
  return (v as { established: Phase }).established;
}

/** Flow `k`'s control state: its region state and the operations' next steps. */
function controlState(s: ModelSnapshot, k: number): string {
  const f = s.context.flows[k - 1] ?? null;
  const ops =
    f === null
      ? ''
      : `${f.notify ? ` notify:${f.notify.step}` : ''}${f.exit ? ` exit:${f.exit.step}` : ''}`;
  return `${regionState(s, k)}${ops}`;
}

/** The event without its flow: `flowDeleteNotify.cas`, `poll.readOpen`, `traffic`. */
const eventLabel = (e: Event): string =>
  'step' in e && e.step !== undefined ? `${e.type}.${e.step}` : e.type;

/** The flows whose regions take `event` from `before`. */
function flowsTaking(before: ModelSnapshot, event: Event): readonly number[] {
  const c = before.context;
  const named = flowNamed(event);
  if (named !== null) return [named];
  if (event.type === 'drain' && event.step === 'store') {
    const stored = event.flow ?? c.held[0]?.flow;
    return stored === undefined ? [] : [stored];
  }
  if (event.type === 'drain') return closedFlows(c);
  return c.flows.flatMap((f, i) => (f === null ? [] : [i + 1]));
}

/**
 * The transitions one step takes, as `flow<k>: <control> --<event>--> <control>` strings; with
 * `numbered` false, without the `flow<k>:` prefix (the per-flow transition, whichever flow).
 *
 * @example
 * modelTransitions(before, { type: 'reset', flow: flowId(1) }, after)
 * //=> ['flow1: open --reset--> ended']
 */
export function modelTransitions(
  before: ModelSnapshot,
  event: Event,
  after: ModelSnapshot,
  numbered = true,
): string[] {
  const flows = flowsTaking(before, event);
  return flows.map((k) => {
    const t = `${controlState(before, k)} --${eventLabel(event)}--> ${controlState(after, k)}`;
    return numbered ? `flow${k}: ${t}` : t;
  });
}
