/**
 * The agent's poll on Windows (`GetActiveConnections`, pkg/network/tracer/tracer_windows.go) as two
 * atomic steps: `readOpen` reads `openFlows` without removing anything; `readClosed` drains
 * `closedFlows` (each flow returned once, its table reference released), stores the closed
 * records, runs `GetDelta` with the open ones as the active connections, encodes what passes the
 * filter and ships it to the client's backend. Each table is read in the order the driver gives
 * (the trace's `order`, or insertion order).
 *
 * Leaves out: IOCTL buffer sizing, and time (`RemoveExpiredClients` is the `clientExpire` event:
 * docs/environment.md).
 */
import type {
  ClientSession,
  EngineState,
  ShippedPart,
  ShippedRecord,
  Suppression,
} from '../EngineState.js';
import { clientId, NEW_SESSION } from '../EngineState.js';
import { receive, totalsOf } from '../backend/backend.js';
import type { Flow } from '../driver/flow.js';
import { isEnded } from '../driver/flow.js';
import { interlockedDecrement } from '../driver/refCount.js';
import type { DriverState } from '../driver/tables.js';
import { updateFlow } from '../driver/tables.js';
import type { FlowId } from '../events.js';
import type { AgentVariant } from './AgentVariant.js';
import type { ConnectionStats } from './ConnectionStats.js';
import { flowToConnStat } from './flowToConnStat.js';
import type { AggregatedPart, Delta } from './networkState.js';
import { getClient, getDelta, storeClosedConnection } from './networkState.js';
import { encodeConnection } from './PayloadRecord.js';
import { hasFailures, sameFailures, totalFailures } from './tcpFailures.js';

/** The poll's steps, in order. */
export const POLL_STEPS = ['readOpen', 'readClosed'] as const;

/** The 0-based client a new poll belongs to: the one it names (1-based), or the next in turn. */
export const pollClient = (state: EngineState, client: number | undefined): number =>
  client === undefined ? state.polls % state.config.clients : client - 1;

// Reading a flow's PerFlowData is an access: a freed flow in a table counts as a use after free.
function read(driver: DriverState, id: FlowId): { driver: DriverState; flow: Flow } {
  const d = updateFlow(driver, id, (f) => f);
  return { driver: d, flow: d.flows[id] as Flow };
}

/** Step 1: `GET_OPEN_FLOWS`, non-destructive, for client `client` (0-based). */
export function readOpen(
  state: EngineState,
  client: number,
  order?: readonly FlowId[],
): EngineState {
  let driver = state.driver;
  const open: ConnectionStats[] = [];
  for (const id of order ?? driver.openFlows) {
    const r = read(driver, id);
    driver = r.driver;
    open.push(flowToConnStat(r.flow, state.config.agent));
  }
  return { ...state, driver, poll: { client, open } };
}

/**
 * `GET_CLOSED_FLOWS`: the destructive read the poll and the closed-flows-ready goroutine both
 * make. Each flow is returned once, with `FLOW_CLOSED` set, then removed, and the closed table's
 * reference goes with it.
 *
 * @example
 * readClosedTable(driverWithFlow1Closed, undefined, prefix).records.map((r) => r.cookie) //=> [1]
 */
export function readClosedTable(
  start: DriverState,
  order: readonly FlowId[] | undefined,
  variant: AgentVariant,
): { driver: DriverState; records: ConnectionStats[] } {
  let driver = start;
  const records: ConnectionStats[] = [];
  for (const id of order ?? start.closedFlows) {
    const r = read(driver, id);
    records.push(flowToConnStat(r.flow, variant));
    driver = interlockedDecrement(
      updateFlow(r.driver, id, (f) => ({ ...f, closedReads: f.closedReads + 1 })),
      id,
    ).driver;
  }
  return { driver: { ...driver, closedFlows: [] }, records };
}

/** Step 2: `GET_CLOSED_FLOWS` (destructive), `StoreClosedConnection`, `GetDelta`, ship. */
export function readClosed(state: EngineState, order?: readonly FlowId[]): EngineState {
  const poll = state.poll ?? { client: pollClient(state, undefined), open: [] };
  const { driver, records } = readClosedTable(state.driver, order, state.config.agent);
  let agent = state.agent;
  for (const c of records) agent = storeClosedConnection(agent, c);
  return deliver({ ...state, driver, agent }, poll.client, poll.open);
}

/** Ended, still in `openFlows`, its last delete notification finished: the lingering flow. */
const isStranded = (driver: DriverState, id: number): boolean => {
  const f = driver.flows[id];
  return (
    f !== undefined &&
    isEnded(f) &&
    driver.openFlows.includes(f.id) &&
    f.notifies >= driver.layers &&
    f.notify === null
  );
};

/**
 * What each merged record's parts carry into the payload: their kept failures when the encoder
 * writes the merged map as it is, none when it writes none, and otherwise what it writes, on the
 * kept record.
 */
function partsOf(
  merged: ConnectionStats,
  encoded: ConnectionStats['tcpFailures'],
  parts: readonly AggregatedPart[],
  delta: Delta,
  session: ClientSession,
): ShippedPart[] {
  const asIs = sameFailures(encoded, merged.tcpFailures);
  return parts.map((p, i) => {
    const flow = p.conn.cookie as number;
    const raw = delta.processed.find((u) => u.conn.cookie === p.conn.cookie)?.rawFailures;
    return {
      flow,
      lastTCPClosed: p.conn.last.tcpClosed,
      rawFailures: raw ?? p.conn.tcpFailures,
      failures: asIs ? p.failures : i === 0 ? encoded : {},
      closesBefore: session.shipped[flow]?.closes ?? 0,
    };
  });
}

/** The session after shipping `records`: each part's closes and failures added to its flow's. */
function credit(session: ClientSession, records: readonly ShippedRecord[]): ClientSession {
  const shipped = { ...session.shipped };
  for (const part of records.flatMap((r) => r.parts)) {
    const prev = shipped[part.flow] ?? { closes: 0, failures: 0 };
    shipped[part.flow] = {
      closes: prev.closes + part.lastTCPClosed,
      failures: prev.failures + totalFailures(part.failures),
    };
  }
  return { ...session, shipped };
}

/** `GetDelta` for client `client` with the open records, then the encoder and the backend. */
function deliver(
  state: EngineState,
  client: number,
  open: readonly ConnectionStats[],
): EngineState {
  const id = clientId(client);
  const variant = state.config.agent;
  // `getClient`: a poll of a client that is not registered creates it, and a new session begins.
  const registered = getClient(state.agent, id) !== undefined;
  const session = registered ? (state.sessions[client] ?? NEW_SESSION) : NEW_SESSION;
  const closedCookies = (getClient(state.agent, id)?.closed.conns ?? []).map(
    (c) => c.cookie as number,
  );
  const delta = getDelta(state.agent, id, open);
  const backend = state.backends[client];
  if (backend === undefined) return state;
  const records: ShippedRecord[] = delta.conns.map((c, k) => {
    const payload = encodeConnection(c, variant);
    const parts = partsOf(c, payload.tcpFailures, delta.parts[k] ?? [], delta, session);
    return {
      ...payload,
      last: c.last,
      monotonic: c.monotonic,
      rawFailures: parts[0]?.rawFailures ?? c.tcpFailures,
      closesBefore: totalsOf(backend, payload.tuple).closes,
      parts,
    };
  });
  const reReports = delta.processed.filter(
    (p) =>
      p.baseline !== undefined &&
      p.baseline.counters.tcpClosed > 0 &&
      p.conn.last.tcpClosed === 0 &&
      hasFailures(p.rawFailures),
  ).length;
  const suppressions: Suppression[] = delta.processed
    .filter((p) => p.suppressed)
    .map((p) => ({
      flow: p.conn.cookie,
      stranded: isStranded(state.driver, p.conn.cookie),
    }));
  return {
    ...state,
    agent: delta.state,
    backends: state.backends.map((b, i) => (i === client ? receive(b, records) : b)),
    sessions: state.sessions.map((s, i) => (i === client ? credit(session, records) : s)),
    poll: null,
    polls: state.polls + 1,
    lastPoll: {
      index: state.polls + 1,
      client,
      records,
      openCookies: open.map((c) => c.cookie as number),
      closedCookies,
      suppressions,
      baselines: [...(getClient(delta.state, id)?.stats.keys() ?? [])].map(Number),
    },
    reReportsWithFailures: state.reReportsWithFailures + reReports,
  };
}
