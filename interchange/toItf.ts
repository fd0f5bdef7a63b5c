/**
 * An engine run as an ITF trace: the initial state and one state after each event, each with the
 * per-flow driver state (table, refCount, status, pendingMove, the operations in flight …), the
 * tables, the poll, the backend's totals (closes and failures per connection and in all), what
 * the step shipped, and the action taken, as Quint's `--mbt` records it (`mbt::actionTaken`,
 * `mbt::nondetPicks`). Leaves out: the agent's baselines and closed buffer (not part of SPEC
 * 2.4's observable state).
 */
import type { PayloadRecord } from '../engine/agent/PayloadRecord.js';
import type { Backend } from '../engine/backend/backend.js';
import type { Flow } from '../engine/driver/flow.js';
import { isEnded } from '../engine/driver/flow.js';
import { allFlows, tableOf } from '../engine/driver/tables.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowOf, formatEvent } from '../engine/events.js';
import type { ItfState, ItfTrace, ItfValue } from './itf.js';
import { bigint, ITF_META, itfMap, option } from './itf.js';

/** The variables of every state, in order. */
export const ITF_VARS = [
  'mbt::actionTaken',
  'mbt::nondetPicks',
  'flows',
  'openFlows',
  'closedFlows',
  'polls',
  'pollInFlight',
  'backend',
  'shipped',
  'telemetry',
] as const;

const flowValue = (state: EngineState, f: Flow): ItfValue => ({
  table: tableOf(state.driver, f.id),
  refCount: bigint(f.refCount),
  status: f.status,
  ended: isEnded(f),
  flowClosed: f.flowClosed,
  pendingMove: f.pendingMove,
  locked: f.locked,
  freed: f.freed,
  notifies: bigint(f.notifies),
  callouts: bigint(f.callouts),
  sentBytes: bigint(f.sentBytes),
  notifyStep: option(f.notify?.step),
  exitStep: option(f.exit?.step),
});

const failuresValue = (f: Readonly<Record<string, number>>): ItfValue =>
  itfMap(Object.entries(f).map(([errno, n]) => [bigint(Number(errno)), bigint(n)] as const));

const backendValue = (b: Backend): ItfValue => ({
  closes: bigint(b.closes),
  failures: bigint(b.failures),
  connections: itfMap(
    Object.entries(b.connections).map(
      ([cookie, t]) =>
        [
          bigint(Number(cookie)),
          { closes: bigint(t.closes), failures: bigint(t.failures) },
        ] as const,
    ),
  ),
});

const shippedValue = (r: PayloadRecord): ItfValue => ({
  cookie: bigint(r.cookie),
  lastTCPClosed: bigint(r.lastTCPClosed),
  tcpFailures: failuresValue(r.tcpFailures),
  lastSentBytes: bigint(r.lastSentBytes),
  lastRecvBytes: bigint(r.lastRecvBytes),
});

const picks = (e: Event | undefined): ItfValue => ({
  flow: option(e === undefined ? undefined : (f => (f === undefined ? undefined : bigint(f)))(flowOf(e))),
  bytes: option(e?.type === 'traffic' ? bigint(e.bytes) : undefined),
  step: option(e !== undefined && 'step' in e && e.step !== undefined ? e.step : undefined),
});

/**
 * State `index` of the trace: `state` after `event` (none for the initial state).
 *
 * @example
 * itfState(start, undefined, undefined, 0)['mbt::actionTaken'] //=> 'init'
 */
export function itfState(
  state: EngineState,
  previous: EngineState | undefined,
  event: Event | undefined,
  index: number,
): ItfState {
  const completedPoll =
    previous !== undefined && state.polls !== previous.polls && state.lastPoll !== null;
  return {
    '#meta': { index, action: event === undefined ? 'init' : formatEvent(event) },
    'mbt::actionTaken': event === undefined ? 'init' : event.type,
    'mbt::nondetPicks': picks(event),
    flows: itfMap(allFlows(state.driver).map((f) => [bigint(f.id), flowValue(state, f)] as const)),
    openFlows: state.driver.openFlows.map((id) => bigint(id)),
    closedFlows: state.driver.closedFlows.map((id) => bigint(id)),
    polls: bigint(state.polls),
    pollInFlight: state.poll !== null,
    backend: itfMap(state.backends.map((b, i) => [bigint(i + 1), backendValue(b)] as const)),
    shipped:
      completedPoll && state.lastPoll !== null ? state.lastPoll.records.map(shippedValue) : [],
    telemetry: Object.fromEntries(
      Object.entries(state.agent.telemetry).map(([k, v]) => [k, bigint(v)]),
    ),
  };
}

/** What the trace's top-level `#meta` says besides the format. */
export interface ItfSource {
  readonly source: string;
  readonly driver: string;
  readonly agent: string;
  readonly layers: number;
}

/**
 * The ITF trace of a run: `states[0]` the start, `states[i]` the state after `events[i - 1]`.
 *
 * @example
 * toItf(run.states, trace.events, { source: 'pr.json', driver: 'original', agent: 'prefix', layers: 4 }).states.length
 * //=> trace.events.length + 1
 */
export function toItf(
  states: readonly EngineState[],
  events: readonly Event[],
  source: ItfSource,
): ItfTrace {
  return {
    '#meta': {
      ...ITF_META,
      source: source.source,
      description: `lingering: driver ${source.driver}, agent ${source.agent}, L=${source.layers}, ${events.length} events; one state per step`,
      driver: source.driver,
      agent: source.agent,
      layers: source.layers,
    },
    vars: ITF_VARS,
    states: states.map((s, i) => itfState(s, states[i - 1], events[i - 1], i)),
  };
}
