/**
 * From an engine state to the explorer's parts and back: each flow's share (numbered as flow 1,
 * normalised by abstraction.ts) and the shared rest; `assembleState` rebuilds a whole engine state
 * from the parts, flows numbered by their place.
 *
 * Leaves out: several clients (the explorer runs one) and the closed buffer, which is empty
 * between steps with one client (the poll stores closed records and `GetDelta` empties them).
 */
import type { Baseline } from '../engine/agent/AgentVariant.js';
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import { cookie } from '../engine/agent/ConnectionStats.js';
import { flowToConnStat } from '../engine/agent/flowToConnStat.js';
import type { Backend, ConnectionTotals } from '../engine/backend/backend.js';
import type { Flow } from '../engine/driver/flow.js';
import { newFlow } from '../engine/driver/flow.js';
import type { EngineConfig, EngineState, PollResult } from '../engine/EngineState.js';
import { clientId, newEngine } from '../engine/EngineState.js';
import type { FlowId } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import type { Budget, ExploreBounds } from './bounds.js';
import { normaliseLocal } from './abstraction.js';
import type { GlobalState, LocalState } from './LocalState.js';

/** The tuple the agent builds for flow `n` (the explorer renumbers records with it). */
const tupleOf = (n: number): string => flowToConnStat(newFlow(flowId(n), 1)).tuple;

const renumberRecord = (c: ConnectionStats, n: number): ConnectionStats => ({
  ...c,
  cookie: cookie(n),
  tuple: tupleOf(n),
});

/**
 * Flow `id`'s share of `state`, renumbered as flow 1 and normalised.
 *
 * @example
 * projectFlow(newEngine(config), flowId(1), emptyBudget(1), bounds) //=> ABSENT
 */
export function projectFlow(
  state: EngineState,
  id: FlowId,
  budget: Budget,
  bounds: ExploreBounds,
): LocalState {
  const d = state.driver;
  const flow = d.flows[id];
  const client = state.agent.clients[0];
  if (state.agent.clients.length !== 1 || client === undefined || client.id !== clientId(0)) {
    throw new Error('explorer: the engine state must have exactly one client');
  }
  if (client.closed.conns.length > 0)
    throw new Error('explorer: the closed buffer is not empty between steps');
  const records = state.poll?.open.filter((c) => (c.cookie as number) === id) ?? [];
  if (records.length > 1) throw new Error(`explorer: the poll captured flow ${id} twice`);
  const rec = records[0];
  if (rec !== undefined && rec.tuple !== tupleOf(id))
    throw new Error(`explorer: flow ${id} has tuple ${rec.tuple}`);
  const totals: ConnectionTotals | undefined = state.backends[0]?.connections[id];
  const local: LocalState = {
    flow: flow === undefined ? null : { ...flow, id: flowId(1) },
    inOpen: d.openFlows.includes(id),
    closedCopies: d.closedFlows.filter((f) => f === id).length,
    baseline: client.stats.get(cookie(id)) ?? null,
    polling: state.poll !== null,
    captured: rec === undefined ? null : renumberRecord(rec, 1),
    totals: totals ?? null,
    entered: budget.entered[id] ?? 0,
    traffic: budget.traffic[id] ?? 0,
  };
  return normaliseLocal(local, state.config.layers, bounds.callouts);
}

/** The shared part of `state`. */
export const projectGlobal = (state: EngineState): GlobalState => ({
  polls: state.polls,
  polling: state.poll !== null,
  telemetry: state.agent.telemetry,
  reReports: state.reReportsWithFailures,
});

/**
 * Rebuilds a whole engine state: `locals[i]` becomes flow `i + 1`; tables and records are in
 * flow order.
 *
 * @example
 * assembleState(config, [projectFlow(s, flowId(1), budget, bounds)], projectGlobal(s)).driver.openFlows
 * //=> [1] when flow 1 is open
 */
export function assembleState(
  config: EngineConfig,
  locals: readonly LocalState[],
  global: GlobalState,
  lastPoll: PollResult | null = null,
): EngineState {
  const base = newEngine(config);
  const flows: (Flow | undefined)[] = [undefined];
  const openFlows: FlowId[] = [];
  const closedFlows: FlowId[] = [];
  const stats = new Map<ReturnType<typeof cookie>, Baseline>();
  const connections: Record<string, ConnectionTotals> = {};
  const open: ConnectionStats[] = [];
  let closes = 0;
  let failures = 0;
  for (const [i, s] of locals.entries()) {
    const id = flowId(i + 1);
    flows.push(s.flow === null ? undefined : { ...s.flow, id });
    if (s.inOpen) openFlows.push(id);
    for (let k = 0; k < s.closedCopies; k++) closedFlows.push(id);
    if (s.baseline !== null) stats.set(cookie(id), s.baseline);
    if (s.captured !== null) open.push(renumberRecord(s.captured, id));
    if (s.totals !== null) {
      connections[id] = s.totals;
      closes += s.totals.closes;
      failures += s.totals.failures;
    }
  }
  const client = base.agent.clients[0];
  if (client === undefined) throw new Error('explorer: newEngine registered no client');
  const backend: Backend = { connections, closes, failures };
  return {
    ...base,
    driver: { ...base.driver, flows, openFlows, closedFlows },
    agent: { ...base.agent, clients: [{ ...client, stats }], telemetry: global.telemetry },
    backends: [backend],
    poll: global.polling ? { client: 0, open } : null,
    polls: global.polls,
    lastPoll,
    reReportsWithFailures: global.reReports,
  };
}

/**
 * The whole state's `lastPoll` from each flow's own (`parts[i]` is flow `i + 1`'s, numbered as
 * flow 1; null when the flow shipped nothing and was in neither table).
 */
export function mergeLastPolls(parts: readonly (PollResult | null)[], index: number): PollResult {
  const records: PollResult['records'][number][] = [];
  const openCookies: number[] = [];
  const closedCookies: number[] = [];
  parts.forEach((p, i) => {
    if (p === null) return;
    const n = i + 1;
    for (const r of p.records) records.push({ ...r, flow: n, cookie: n });
    if (p.openCookies.length > 0) openCookies.push(n);
    if (p.closedCookies.length > 0) closedCookies.push(n);
  });
  return { index, client: 0, records, openCookies, closedCookies };
}
