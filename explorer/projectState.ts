/**
 * From an engine state to the explorer's parts and back: each tuple group's share (its flows
 * renumbered as members, normalised by abstraction.ts) and the shared rest; `assembleState`
 * rebuilds a whole engine state from the parts, each group at the flow numbers it is given.
 *
 * Leaves out: several clients (the explorer runs one), the order of entries across groups (a
 * rebuilt state lists the groups one after the other), and a session's content while its client
 * is not registered (nothing reads it: abstraction.ts A9).
 */
import type { Baseline } from '../engine/agent/AgentVariant.js';
import type { ConnectionStats, Cookie } from '../engine/agent/ConnectionStats.js';
import { cookie, isEmpty } from '../engine/agent/ConnectionStats.js';
import { tupleText } from '../engine/agent/flowToConnStat.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import type { Flow } from '../engine/driver/flow.js';
import type { EngineConfig, EngineState, PollResult } from '../engine/EngineState.js';
import { clientId, NEW_SESSION, newEngine } from '../engine/EngineState.js';
import type { FlowId } from '../engine/events.js';
import type { Budget, ExploreBounds } from './bounds.js';
import { normaliseLocal } from './abstraction.js';
import type { Entry, GlobalState, LocalState, MemberState } from './LocalState.js';

/** Where a group sits in a whole state: its flows (member j is `flows[j]`) and its tuple. */
export interface GroupPlace {
  readonly flows: readonly FlowId[];
  readonly tuple: number;
}

const stripRecord = (c: ConnectionStats): ConnectionStats => ({
  ...c,
  cookie: 0 as Cookie,
  tuple: '',
});

const placeRecord = (c: ConnectionStats, id: FlowId, tuple: number): ConnectionStats => ({
  ...c,
  cookie: cookie(id),
  tuple: tupleText(tuple),
});

/** Records of `records` that belong to the group, as entries, in their order. */
function entriesOf(records: readonly ConnectionStats[], place: GroupPlace): Entry[] {
  const out: Entry[] = [];
  for (const r of records) {
    const member = place.flows.indexOf(r.cookie as number as FlowId);
    if (member >= 0) out.push({ member, record: stripRecord(r) });
  }
  return out;
}

/** Client 1 of `state`, or undefined when it is not registered; throws on any other client. */
function clientOf(state: EngineState) {
  const clients = state.agent.clients;
  if (
    state.config.clients !== 1 ||
    clients.length > 1 ||
    (clients[0] !== undefined && clients[0].id !== clientId(0))
  )
    throw new Error('explorer: the engine state must have one client at most, client 1');
  const client = clients[0];
  if (client !== undefined) {
    client.closed.conns.forEach((c, i) => {
      if (isEmpty(c) !== i >= client.closed.emptyStart)
        throw new Error(
          'explorer: the closed buffer holds a record on the wrong side of emptyStart',
        );
    });
  }
  return client;
}

/**
 * The share of the group at `place` in `state`, its flows renumbered as members, normalised.
 *
 * @example
 * projectGroup(newEngine(config), { flows: [1], tuple: 1 }, emptyBudget(1), bounds) //=> absentGroup(1, true)
 */
export function projectGroup(
  state: EngineState,
  place: GroupPlace,
  budget: Budget,
  bounds: ExploreBounds,
): LocalState {
  const d = state.driver;
  const client = clientOf(state);
  const session = state.sessions[0] ?? NEW_SESSION;
  if (state.poll !== null && state.poll.client !== 0)
    throw new Error('explorer: a poll of client 2');
  const members: MemberState[] = place.flows.map((id) => {
    const flow = d.flows[id];
    return {
      flow: flow === undefined ? null : { ...flow, id: 1 as FlowId, tuple: 1 },
      baseline: client?.stats.get(cookie(id)) ?? null,
      ended: session.ended.includes(id),
      shipped: session.shipped[id] ?? null,
      entered: budget.entered[id] ?? 0,
      traffic: budget.traffic[id] ?? 0,
    };
  });
  const memberOf = (ids: readonly FlowId[]) =>
    ids.flatMap((id) => (place.flows.includes(id) ? [place.flows.indexOf(id)] : []));
  const local: LocalState = {
    members,
    open: memberOf(d.openFlows),
    closed: memberOf(d.closedFlows),
    held: entriesOf(state.drain?.held ?? [], place),
    buffer: entriesOf(client?.closed.conns ?? [], place),
    polling: state.poll !== null,
    captured: entriesOf(state.poll?.open ?? [], place),
    registered: client !== undefined,
    totals: state.backends[0]?.connections[place.tuple] ?? null,
  };
  return normaliseLocal(local, state.config.layers, bounds.callouts);
}

/** The shared part of `state`. */
export const projectGlobal = (state: EngineState): GlobalState => ({
  polls: state.polls,
  polling: state.poll !== null,
  registered: state.agent.clients.length > 0,
  telemetry: state.agent.telemetry,
  reReports: state.reReportsWithFailures,
});

/** One group's share and where it goes. */
export interface Part {
  readonly local: LocalState;
  readonly place: GroupPlace;
}

/** The session of client 1 the parts describe (a fresh one when it is not registered). */
function sessionOf(parts: readonly Part[], registered: boolean): EngineState['sessions'][number] {
  if (!registered) return NEW_SESSION;
  const ended: number[] = [];
  const shipped: Record<number, ConnectionTotals> = {};
  for (const { local, place } of parts) {
    local.members.forEach((m, j) => {
      const id = place.flows[j] as FlowId;
      if (m.ended) ended.push(id);
      if (m.shipped !== null) shipped[id] = m.shipped;
    });
  }
  return { ended, shipped };
}

/**
 * Rebuilds a whole engine state: each part's members at its flow numbers, its entries after the
 * previous part's (the closed buffer: every non-empty record, then every empty one).
 *
 * @example
 * assembleState(config, [{ local, place: { flows: [1], tuple: 1 } }], global).driver.openFlows //=> [1] when flow 1 is open
 */
export function assembleState(
  config: EngineConfig,
  parts: readonly Part[],
  global: GlobalState,
  lastPoll: PollResult | null = null,
): EngineState {
  const base = newEngine(config);
  const top = Math.max(0, ...parts.flatMap((p) => p.place.flows));
  const flows: (Flow | undefined)[] = new Array<Flow | undefined>(top + 1).fill(undefined);
  const openFlows: FlowId[] = [];
  const closedFlows: FlowId[] = [];
  const held: ConnectionStats[] = [];
  const full: ConnectionStats[] = [];
  const empty: ConnectionStats[] = [];
  const open: ConnectionStats[] = [];
  const stats = new Map<Cookie, Baseline>();
  const connections: Record<string, ConnectionTotals> = {};
  let closes = 0;
  let failures = 0;
  for (const { local, place } of parts) {
    if (local.registered !== global.registered)
      throw new Error('explorer: registration differs between parts');
    const id = (j: number) => place.flows[j] as FlowId;
    const rec = (e: Entry) => placeRecord(e.record, id(e.member), place.tuple);
    local.members.forEach((m, j) => {
      if (m.flow !== null) flows[id(j)] = { ...m.flow, id: id(j), tuple: place.tuple };
      if (m.baseline !== null) stats.set(cookie(id(j)), m.baseline);
    });
    for (const j of local.open) openFlows.push(id(j));
    for (const j of local.closed) closedFlows.push(id(j));
    for (const e of local.held) held.push(rec(e));
    for (const e of local.buffer) (isEmpty(e.record) ? empty : full).push(rec(e));
    for (const e of local.captured) open.push(rec(e));
    if (local.totals !== null) {
      connections[place.tuple] = local.totals;
      closes += local.totals.closes;
      failures += local.totals.failures;
    }
  }
  const closed = { conns: [...full, ...empty], emptyStart: full.length };
  return {
    ...base,
    driver: { ...base.driver, flows, openFlows, closedFlows },
    agent: {
      ...base.agent,
      clients: global.registered ? [{ id: clientId(0), stats, closed }] : [],
      telemetry: global.telemetry,
    },
    backends: [{ connections, closes, failures }],
    poll: global.polling ? { client: 0, open } : null,
    drain: held.length === 0 ? null : { held },
    sessions: [sessionOf(parts, global.registered)],
    polls: global.polls,
    lastPoll,
    reReportsWithFailures: global.reReports,
  };
}

/**
 * The whole state's `lastPoll` from each group's own (`results[i]` is that of the group at
 * `places[i]`, its flows numbered as members 1, 2, …; null when the group took no part).
 */
export function mergeLastPolls(
  results: readonly (PollResult | null)[],
  places: readonly GroupPlace[],
  index: number,
): PollResult {
  const out: PollResult = {
    index,
    client: 0,
    records: [],
    openCookies: [],
    closedCookies: [],
    suppressions: [],
    baselines: [],
  };
  const acc = out as {
    -readonly [K in keyof PollResult]: PollResult[K] extends readonly (infer T)[]
      ? T[]
      : PollResult[K];
  };
  results.forEach((p, i) => {
    const place = places[i];
    if (p === null || place === undefined) return;
    const n = (member1: number) => place.flows[member1 - 1] as number;
    for (const r of p.records)
      acc.records.push({
        ...r,
        flow: n(r.flow),
        cookie: n(r.cookie),
        tuple: place.tuple,
        parts: r.parts.map((q) => ({ ...q, flow: n(q.flow) })),
      });
    acc.openCookies.push(...p.openCookies.map(n));
    acc.closedCookies.push(...p.closedCookies.map(n));
    acc.suppressions.push(...p.suppressions.map((s) => ({ ...s, flow: n(s.flow) })));
    acc.baselines.push(...p.baselines.map(n));
  });
  return out;
}
