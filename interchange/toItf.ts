/**
 * An engine run as an ITF trace, one state per step: each flow (tuple, table, refCount, status,
 * every design's memory …), the tables, the poll, the drain's held records, every client slot,
 * the backend by tuple, what shipped, and the action with its picks as Quint's `--mbt` does
 * (docs/environment.md). Leaves out: the counters of baselines and closed records.
 */
import { ZERO_TELEMETRY } from '../engine/agent/AgentTelemetry.js';
import type { Backend } from '../engine/backend/backend.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import type { Flow } from '../engine/driver/flow.js';
import { driverVariants } from '../engine/driver/variants/index.js';
import type { FlowMemory } from '../lib/FlowMemory.js';
import { isEnded } from '../engine/driver/flow.js';
import { allFlows, tableOf } from '../engine/driver/tables.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowOf, formatEvent } from '../engine/events.js';
import { CLIENT_TYPE, clientValue, TOTALS_TYPE } from './clientValue.js';
import type { ItfState, ItfTrace, ItfValue } from './itf.js';
import { bigint, ITF_META, itfMap, option, optionType, recordType } from './itf.js';
import { HELD_TYPE, heldValue, SHIPPED_TYPE, shippedValue } from './recordValues.js';

/** The variables of every state, in order. */
export const ITF_VARS = [
  'mbt::actionTaken',
  'mbt::nondetPicks',
  'flows',
  'openFlows',
  'closedFlows',
  'polls',
  'pollInFlight',
  'pollClient',
  'drainHeld',
  'clients',
  'backend',
  'shipped',
  'telemetry',
] as const;

/**
 * Every memory field any driver design declares, in registry order, each at the initial value of
 * the first design that declares it: Quint's records have one shape, so every flow carries them
 * all, and a field the run's design lacks keeps that value.
 */
function memoryDefaults(variants: readonly DriverVariant[]): FlowMemory {
  const out: Record<string, boolean | number> = {};
  for (const v of variants) {
    for (const [k, x] of Object.entries(v.memory ?? {})) if (!(k in out)) out[k] = x;
  }
  return out;
}

const MEMORY_DEFAULTS = memoryDefaults(driverVariants);

const memoryValue = (f: Flow): Record<string, ItfValue> =>
  Object.fromEntries(
    Object.entries(MEMORY_DEFAULTS).map(([k, initial]) => {
      const v = f.memory[k] ?? initial;
      return [k, typeof v === 'number' ? bigint(v) : v];
    }),
  );

// The memory fields' types follow the designs' declared initial values, not any trace's values.
const FLOW_TYPE = recordType({
  tuple: 'Int',
  table: 'Str',
  refCount: 'Int',
  status: 'Str',
  ended: 'Bool',
  flowClosed: 'Bool',
  ...Object.fromEntries(
    Object.entries(MEMORY_DEFAULTS).map(([k, v]) => [k, typeof v === 'number' ? 'Int' : 'Bool']),
  ),
  freed: 'Bool',
  notifies: 'Int',
  callouts: 'Int',
  sentBytes: 'Int',
  notifyStep: optionType('Str'),
  exitStep: optionType('Str'),
});

const flowValue = (state: EngineState, f: Flow): ItfValue => ({
  tuple: bigint(f.tuple),
  table: tableOf(state.driver, f.id),
  refCount: bigint(f.refCount),
  status: f.status,
  ended: isEnded(f),
  flowClosed: f.flowClosed,
  ...memoryValue(f),
  freed: f.freed,
  notifies: bigint(f.notifies),
  callouts: bigint(f.callouts),
  sentBytes: bigint(f.sentBytes),
  notifyStep: option(f.notify?.step),
  exitStep: option(f.exit?.step),
});

const backendValue = (b: Backend): ItfValue => ({
  closes: bigint(b.closes),
  failures: bigint(b.failures),
  connections: itfMap(
    Object.entries(b.connections).map(
      ([tuple, t]) =>
        [
          bigint(Number(tuple)),
          { closes: bigint(t.closes), failures: bigint(t.failures) },
        ] as const,
    ),
  ),
});

const BACKEND_TYPE = recordType({
  closes: 'Int',
  failures: 'Int',
  connections: `Int -> ${TOTALS_TYPE}`,
});

const some = (n: number | undefined): ItfValue => option(n === undefined ? undefined : bigint(n));

/** The event's parameters; every field in every state, as Quint's records need. */
const picks = (e: Event | undefined): ItfValue => ({
  flow: some(e === undefined ? undefined : flowOf(e)),
  bytes: some(e?.type === 'traffic' ? e.bytes : undefined),
  step: option(e !== undefined && 'step' in e && e.step !== undefined ? e.step : undefined),
  tuple: some(e?.type === 'establish' ? e.tuple : undefined),
  client: some(e !== undefined && 'client' in e ? e.client : undefined),
  order: option(
    e?.type === 'poll' && e.order !== undefined ? e.order.map((f) => bigint(f)) : undefined,
  ),
});

const PICKS_TYPE = recordType({
  flow: optionType('Int'),
  bytes: optionType('Int'),
  step: optionType('Str'),
  tuple: optionType('Int'),
  client: optionType('Int'),
  order: optionType('Seq(Int)'),
});

/**
 * Each variable's Apalache type, for `#meta.varTypes` (docs/formats.md "ITF export"): declared
 * here, beside the values, because a trace's values cannot show them (an empty set, a tag that
 * never occurs).
 */
export const ITF_VAR_TYPES: Readonly<Record<(typeof ITF_VARS)[number], string>> = {
  'mbt::actionTaken': 'Str',
  'mbt::nondetPicks': PICKS_TYPE,
  flows: `Int -> ${FLOW_TYPE}`,
  openFlows: 'Seq(Int)',
  closedFlows: 'Seq(Int)',
  polls: 'Int',
  pollInFlight: 'Bool',
  pollClient: optionType('Int'),
  drainHeld: `Seq(${HELD_TYPE})`,
  clients: `Int -> ${CLIENT_TYPE}`,
  backend: `Int -> ${BACKEND_TYPE}`,
  shipped: `Seq(${SHIPPED_TYPE})`,
  telemetry: recordType(Object.fromEntries(Object.keys(ZERO_TELEMETRY).map((k) => [k, 'Int']))),
};

/**
 * State `index` of the trace: `state` after `event` (none for the initial state). It reads only
 * `state` and `previous`, so a trace can be written one state at a time (interchange/itfSteps.ts).
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
    pollClient: some(state.poll === null ? undefined : state.poll.client + 1),
    drainHeld: (state.drain?.held ?? []).map(heldValue),
    clients: itfMap(state.backends.map((_, i) => [bigint(i + 1), clientValue(state, i)] as const)),
    backend: itfMap(state.backends.map((b, i) => [bigint(i + 1), backendValue(b)] as const)),
    shipped:
      completedPoll && state.lastPoll !== null ? state.lastPoll.records.map(shippedValue) : [],
    telemetry: Object.fromEntries(
      Object.entries<number>({ ...state.agent.telemetry }).map(([k, v]) => [k, bigint(v)]),
    ),
  };
}

/** What the trace's top-level `#meta` says besides the format. */
export interface ItfSource {
  readonly source: string;
  readonly driver: string;
  readonly agent: string;
  readonly layers: number;
  /** Agent clients (default 1). */
  readonly clients?: number;
}

/**
 * The trace's top-level `#meta`, for a run of `events` events.
 *
 * @example
 * itfMeta({ source: 'pr.json', driver: 'original', agent: 'prefix', layers: 4 }, 14).clients //=> 1
 */
export function itfMeta(source: ItfSource, events: number): ItfTrace['#meta'] {
  const clients = source.clients ?? 1;
  return {
    ...ITF_META,
    source: source.source,
    description: `lingering: driver ${source.driver}, agent ${source.agent}, L=${source.layers}, ${clients} client${clients === 1 ? '' : 's'}, ${events} events; one state per step`,
    driver: source.driver,
    agent: source.agent,
    layers: source.layers,
    clients,
    varTypes: ITF_VAR_TYPES,
  };
}

/**
 * The ITF trace of a run as one value: `states[0]` the start, `states[i]` the state after
 * `events[i - 1]`. It holds every state; `export` writes them one at a time instead
 * (interchange/writeItf.ts), to the same bytes.
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
    '#meta': itfMeta(source, events.length),
    vars: ITF_VARS,
    states: states.map((s, i) => itfState(s, states[i - 1], events[i - 1], i)),
  };
}
