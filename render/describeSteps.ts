/**
 * What each event of a trace did, in words, as the pictures show it: the messages between the
 * five actors (transport callout, delete notifications, driver tables, agent poll, backend) and
 * what changed (refCount after the step, the table, what the poll shipped, the backend rate).
 * Leaves out: the agent's baselines and the closed-connection buffer (the replay report has them).
 */
import { rate } from '../engine/backend/backend.js';
import type { Flow } from '../engine/driver/flow.js';
import { isEnded } from '../engine/driver/flow.js';
import type { TableName } from '../engine/driver/tables.js';
import { tableOf } from '../engine/driver/tables.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event, FlowEvent } from '../engine/events.js';
import { formatEvent, isFlowEvent } from '../engine/events.js';
import { formatFailures, formatRate } from '../cli/formatReplay.js';
import { subSteps } from './subSteps.js';

/** The lifelines, left to right. */
export const ACTORS = ['callout', 'notify', 'driver', 'agent', 'backend'] as const;

/** One lifeline. */
export type Actor = (typeof ACTORS)[number];

/** What each lifeline is called in the pictures. */
export const ACTOR_TITLES: Readonly<Record<Actor, string>> = {
  callout: 'transport callout',
  notify: 'delete notifications',
  driver: 'driver tables',
  agent: 'agent poll',
  backend: 'backend',
};

/** One arrow: who acts on whom, the event, and what changed. */
export interface Message {
  readonly from: Actor;
  readonly to: Actor;
  readonly label: string;
  readonly detail: string;
}

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

const TABLE_WORDS: Readonly<Record<TableName, string>> = {
  open: 'openFlows',
  closed: 'closedFlows',
  both: 'both tables',
  none: 'no table',
};

const ids = (list: readonly number[]): string => `[${list.join(', ')}]`;

/** Where the flow is now, said only when it matters: it moved, or it has ended. */
function tableRemark(before: EngineState, after: EngineState, flow: Flow): string {
  const was = tableOf(before.driver, flow.id);
  const is = tableOf(after.driver, flow.id);
  if (was !== is) return is === 'none' ? `left ${TABLE_WORDS[was]}` : `moved to ${TABLE_WORDS[is]}`;
  if (!isEnded(flow)) return '';
  return is === 'none' ? 'in no table' : `still in ${TABLE_WORDS[is]}`;
}

/** The variant's own fields when the step changed them: `pendingMove set`, `lock taken`. */
function flagRemarks(was: Flow | undefined, flow: Flow): string[] {
  const out: string[] = [];
  if (was !== undefined && was.pendingMove !== flow.pendingMove)
    out.push(flow.pendingMove ? 'pendingMove set' : 'pendingMove cleared');
  if (was !== undefined && was.locked !== flow.locked)
    out.push(flow.locked ? 'lock taken' : 'lock released');
  return out;
}

/** `refCount 2, still in openFlows` (and `freed` when the count reached 0). */
function refCountText(before: EngineState, after: EngineState, flow: Flow): string {
  const remark = tableRemark(before, after, flow);
  const flags = flagRemarks(before.driver.flows[flow.id], flow);
  return [`refCount ${flow.refCount}`, ...flags, flow.freed ? 'freed' : '', remark]
    .filter((s) => s !== '')
    .join(', ');
}

/** A notify's or release's steps: `cas saw refCount 3 → decrement`. */
function trailText(
  before: EngineState,
  event: Extract<Event, { type: 'flowDeleteNotify' | 'calloutExit' }>,
): string {
  const steps = subSteps(before, event);
  const trail = steps.map((s) => (s.saw === null ? s.name : `${s.name} saw refCount ${s.saw}`));
  const next = event.step !== undefined ? steps.at(-1)?.after?.step : undefined;
  return [...trail, ...(next === undefined ? [] : [`next ${next}`])].join(' → ');
}

function flowMessage(before: EngineState, after: EngineState, event: FlowEvent): Message {
  const flow = after.driver.flows[event.flow] as Flow;
  const label = formatEvent(event);
  const callout = (detail: string): Message => ({ from: 'callout', to: 'driver', label, detail });
  switch (event.type) {
    case 'establish':
      return callout(`flow ${flow.id} open, refCount ${flow.refCount}`);
    case 'traffic': {
      const counted = tableOf(after.driver, flow.id) !== 'none';
      return callout(
        counted
          ? `flow ${flow.id} sentBytes ${flow.sentBytes}`
          : `flow ${flow.id} in no table: bytes not counted`,
      );
    }
    case 'calloutEnter':
      return callout(
        `refCount ${flow.refCount}, ${flow.callouts} callout${flow.callouts === 1 ? '' : 's'} holding`,
      );
    case 'reset':
      return callout(`flow ${flow.id} RecvRst: reads TCPClosed 1, TCPFailures {104:1}`);
    case 'fin':
      return callout(`flow ${flow.id} FIN: no failure`);
    case 'calloutExit': {
      const op = before.config.driver.calloutExit;
      const trail =
        Object.keys(op).length > 1 || event.step !== undefined ? trailText(before, event) : '';
      return {
        from: 'callout',
        to: 'driver',
        label,
        detail: [trail, refCountText(before, after, flow)].filter((s) => s !== '').join(' · '),
      };
    }
    case 'flowDeleteNotify': {
      const head = `notify ${flow.notifies}/${after.config.layers}: ${trailText(before, event)}`;
      return {
        from: 'notify',
        to: 'driver',
        label,
        detail: `${head} · ${refCountText(before, after, flow)}`,
      };
    }
  }
}

/** What the poll's completion shipped, and the backend's sums. */
function shipText(before: EngineState, after: EngineState): string {
  const poll = after.lastPoll;
  if (poll === null) return 'nothing shipped';
  const backend = after.backends[poll.client];
  const records = poll.records.map(
    (r) =>
      `flow ${r.flow} TCPClosed ${r.lastTCPClosed}, TCPFailures ${formatFailures(r.tcpFailures)}, +${r.lastSentBytes} B`,
  );
  const shipped = records.length === 0 ? 'nothing shipped' : `shipped ${records.join(' and ')}`;
  const sums =
    backend === undefined
      ? ''
      : `rate ${formatRate(rate(backend))} (${backend.failures} failure${backend.failures === 1 ? '' : 's'} / ${backend.closes} close${backend.closes === 1 ? '' : 's'})`;
  const suppressed =
    after.agent.telemetry.windows_lingering_flows - before.agent.telemetry.windows_lingering_flows;
  const telemetry =
    suppressed > 0
      ? `windows_lingering_flows ${after.agent.telemetry.windows_lingering_flows}`
      : '';
  const client = after.config.clients > 1 ? `client ${poll.client + 1}: ` : '';
  return client + [shipped, sums, telemetry].filter((s) => s !== '').join(' · ');
}

function pollMessages(
  before: EngineState,
  after: EngineState,
  event: Extract<Event, { type: 'poll' }>,
): Message[] {
  const label = formatEvent(event);
  const opened = before.poll === null;
  const drained = before.driver.closedFlows;
  const readOpen = `read openFlows ${ids(after.poll?.open.map((c) => c.cookie) ?? before.driver.openFlows)}`;
  const reads =
    event.step === 'readOpen'
      ? readOpen
      : event.step === 'readClosed' || !opened
        ? `drained closedFlows ${ids(drained)}`
        : `read openFlows ${ids(before.driver.openFlows)}, drained closedFlows ${ids(drained)}`;
  const toDriver: Message = { from: 'agent', to: 'driver', label, detail: reads };
  if (event.step === 'readOpen') return [toDriver];
  return [
    toDriver,
    { from: 'agent', to: 'backend', label: 'ship', detail: shipText(before, after) },
  ];
}

/**
 * Describes event `index` (1-based) from the states before and after it.
 *
 * @example
 * describeStep(states[7], events[7], states[8], 8).change
 * //=> 'notify 4/4: cas saw refCount 3 → decrement · refCount 2, still in openFlows'
 */
export function describeStep(
  before: EngineState,
  event: Event,
  after: EngineState,
  index: number,
): StepView {
  const messages =
    event.type === 'poll'
      ? pollMessages(before, after, event)
      : isFlowEvent(event)
        ? [flowMessage(before, after, event)]
        : [{ from: 'agent', to: 'agent', label: formatEvent(event), detail: formatEvent(event) }];
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
