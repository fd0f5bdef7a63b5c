/**
 * What each event of a trace did, in words: the arrows between the actors (callout, notifications,
 * driver, drain, agent, backend) and what changed. Dispatches to one describer per kind of event.
 * Leaves out: the agent's baselines but where a client loses them (the replay report has them).
 */
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent, isFlowEvent } from '../engine/events.js';
import { clientMessage } from './clientMessage.js';
import { drainMessages } from './drainMessages.js';
import { flowMessage } from './flowMessage.js';
import type { Message } from './Message.js';
import { pollMessages } from './pollMessages.js';

/** One event of the trace, described. */
export interface StepView {
  /** 1-based, as the verdicts count. */
  readonly index: number;
  readonly event: Event;
  /** `formatEvent`: `flowDeleteNotify(1).cas`. */
  readonly label: string;
  /** What changed, for the program listing. */
  readonly change: string;
  readonly messages: readonly Message[];
}

/** The arrows of one event. */
function messagesOf(before: EngineState, event: Event, after: EngineState): readonly Message[] {
  if (isFlowEvent(event)) return [flowMessage(before, event, after)];
  switch (event.type) {
    case 'poll':
      return pollMessages(before, event, after);
    case 'drain':
      return drainMessages(before, event, after);
    case 'clientRegister':
    case 'clientExpire':
      return [clientMessage(before, event)];
  }
  return [];
}

/**
 * Describes event `index` (1-based) from the states before and after it.
 *
 * @example
 * describeStep(states[7], events[7], states[8], 8).change
 * //=> 'notify 4/4: cas saw refCount 3 → decrement · refCount 2, still in openFlows'
 */
function describeStep(
  before: EngineState,
  event: Event,
  after: EngineState,
  index: number,
): StepView {
  const messages = messagesOf(before, event, after);
  return {
    index,
    event,
    label: formatEvent(event),
    change: messages.map((m) => m.detail).join(' · '),
    messages,
  };
}

/**
 * Describes every event of a run; `states[i]` is the state after event `i` (`states[0]` the start).
 *
 * @example
 * describeSteps(check.states, trace.events)[0].change //=> 'flow 1 open, refCount 5'
 */
export function describeSteps(
  states: readonly EngineState[],
  events: readonly Event[],
): readonly StepView[] {
  return events.map((e, i) =>
    describeStep(states[i] as EngineState, e, states[i + 1] as EngineState, i + 1),
  );
}
