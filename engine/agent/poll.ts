/**
 * The agent's poll on Windows (`GetActiveConnections`, pkg/network/tracer/tracer_windows.go) as two
 * atomic steps: `readOpen` reads `openFlows` without removing anything; `readClosed` drains
 * `closedFlows` (each flow returned once, its table reference released), stores the closed
 * records, runs `GetDelta` with the open ones as the active connections, encodes what passes the
 * filter and ships it to the client's backend.
 *
 * Leaves out: the closed-flows-ready event that drains between polls, IOCTL buffer sizing, client
 * expiry.
 */
import type { EngineState, ShippedRecord } from '../EngineState.js';
import { clientId } from '../EngineState.js';
import { receive, totalsOf } from '../backend/backend.js';
import type { Flow } from '../driver/flow.js';
import { interlockedDecrement } from '../driver/refCount.js';
import type { DriverState } from '../driver/tables.js';
import { updateFlow } from '../driver/tables.js';
import type { FlowId } from '../events.js';
import type { ConnectionStats } from './ConnectionStats.js';
import { flowToConnStat } from './flowToConnStat.js';
import { getClient, getDelta, storeClosedConnection } from './networkState.js';
import { encodeConnection } from './PayloadRecord.js';
import { hasFailures } from './tcpFailures.js';

/** The poll's steps, in order. */
export const POLL_STEPS = ['readOpen', 'readClosed'] as const;

// Reading a flow's PerFlowData is an access: a freed flow in a table counts as a use after free.
function read(driver: DriverState, id: FlowId): { driver: DriverState; flow: Flow } {
  const d = updateFlow(driver, id, (f) => f);
  return { driver: d, flow: d.flows[id] as Flow };
}

/** Step 1: `GET_OPEN_FLOWS`, non-destructive. */
export function readOpen(state: EngineState): EngineState {
  let driver = state.driver;
  const open: ConnectionStats[] = [];
  for (const id of driver.openFlows) {
    const r = read(driver, id);
    driver = r.driver;
    open.push(flowToConnStat(r.flow));
  }
  return { ...state, driver, poll: { client: state.polls % state.config.clients, open } };
}

/** Step 2: `GET_CLOSED_FLOWS` (destructive), `StoreClosedConnection`, `GetDelta`, ship. */
export function readClosed(state: EngineState): EngineState {
  const poll = state.poll ?? { client: state.polls % state.config.clients, open: [] };
  let driver = state.driver;
  const closed: ConnectionStats[] = [];
  for (const id of driver.closedFlows) {
    const r = read(driver, id);
    closed.push(flowToConnStat(r.flow));
    // Returned once, then removed: the closed table's reference goes with it.
    driver = interlockedDecrement(
      updateFlow(r.driver, id, (f) => ({ ...f, closedReads: f.closedReads + 1 })),
      id,
    ).driver;
  }
  driver = { ...driver, closedFlows: [] };

  let agent = state.agent;
  for (const c of closed) agent = storeClosedConnection(agent, c);
  const id = clientId(poll.client);
  const closedCookies = (getClient(agent, id)?.closed.conns ?? []).map((c) => c.cookie as number);
  const delta = getDelta(agent, id, poll.open);

  const backend = state.backends[poll.client];
  if (backend === undefined) return state;
  const raw = new Map(delta.processed.map((p) => [p.conn.cookie as number, p.rawFailures]));
  const records: ShippedRecord[] = delta.conns.map((c) => ({
    ...encodeConnection(c, state.config.agent),
    last: c.last,
    monotonic: c.monotonic,
    rawFailures: raw.get(c.cookie) ?? c.tcpFailures,
    closesBefore: totalsOf(backend, c.cookie).closes,
  }));
  const reReports = delta.processed.filter(
    (p) =>
      p.baseline !== undefined &&
      p.baseline.counters.tcpClosed > 0 &&
      p.conn.last.tcpClosed === 0 &&
      hasFailures(p.rawFailures),
  ).length;
  return {
    ...state,
    driver,
    agent: delta.state,
    backends: state.backends.map((b, i) => (i === poll.client ? receive(b, records) : b)),
    poll: null,
    polls: state.polls + 1,
    lastPoll: {
      index: state.polls + 1,
      client: poll.client,
      records,
      openCookies: poll.open.map((c) => c.cookie as number),
      closedCookies,
    },
    reReportsWithFailures: state.reReportsWithFailures + reReports,
  };
}
