/**
 * The whole simulated system: the driver's tables, the agent's per-client state, one backend per
 * client, the poll and the asynchronous drain part-way through (if any), and the history the
 * invariants read.
 *
 * Leaves out: time. A poll names its client, or the clients poll in turn (poll k, from 0, is
 * client `k mod clients`'s); clients come and go by events (docs/environment.md).
 */
import type { AgentVariant } from './agent/AgentVariant.js';
import type { ConnectionStats } from './agent/ConnectionStats.js';
import type { NetworkState } from './agent/networkState.js';
import { newNetworkState, registerClient } from './agent/networkState.js';
import type { PayloadRecord } from './agent/PayloadRecord.js';
import type { StatCounters } from './agent/statCounters.js';
import type { TCPFailures } from './agent/tcpFailures.js';
import type { Backend, ConnectionTotals } from './backend/backend.js';
import { EMPTY_BACKEND } from './backend/backend.js';
import type { DriverVariant } from './driver/DriverVariant.js';
import type { DriverState } from './driver/tables.js';
import { emptyDriver } from './driver/tables.js';

/** The engine's parameters. */
export interface EngineConfig {
  readonly driver: DriverVariant;
  readonly agent: AgentVariant;
  /** `L`, layer associations per flow. */
  readonly layers: number;
  /** Agent clients, each with its own baselines and backend. */
  readonly clients: number;
}

/** Default `L`: the real driver associates a flow at 4 layers. */
export const DEFAULT_LAYERS = 4;

/** A poll between its two reads: the records `openFlows` gave. */
export interface PollInFlight {
  /** 0-based client index. */
  readonly client: number;
  readonly open: readonly ConnectionStats[];
}

/**
 * The closed-flows-ready goroutine (`NewTracer`, pkg/network/tracer/tracer_windows.go) between
 * its destructive read of `closedFlows` and its last `StoreClosedConnection`: the records it holds.
 */
export interface DrainInFlight {
  readonly held: readonly ConnectionStats[];
}

/** What one flow's own record contributed to a shipped (possibly merged) record. */
export interface ShippedPart {
  readonly flow: number;
  /** Its own `Last.TCPClosed` (the merged record ships the sum). */
  readonly lastTCPClosed: number;
  /** The failures `FlowToConnStat` built, before the agent design's rules. */
  readonly rawFailures: TCPFailures;
  /** The failures it carries into the payload, after the design, the aggregation and the encoder. */
  readonly failures: TCPFailures;
  /** Closes this flow's records had shipped in this client session before this poll. */
  readonly closesBefore: number;
}

/** A shipped record with what the invariants need beside the payload. */
export interface ShippedRecord extends PayloadRecord {
  readonly last: StatCounters;
  readonly monotonic: StatCounters;
  /** The failures `FlowToConnStat` built for the first (kept) record, before the design's rules. */
  readonly rawFailures: TCPFailures;
  /** Closes this connection (tuple) had shipped to this client's backend before this poll. */
  readonly closesBefore: number;
  /** The records the aggregator merged into this one, the kept one first. */
  readonly parts: readonly ShippedPart[];
}

/**
 * ghost: one client's session, from its registration (or its re-creation by a poll) to its expiry:
 * the flows that ended while it was registered, and what each flow's own records shipped in it.
 */
export interface ClientSession {
  /** Flows whose end (reset or fin) came while this session was registered. */
  readonly ended: readonly number[];
  /** Closes and failures each flow's records contributed in this session, by flow. */
  readonly shipped: Readonly<Record<number, ConnectionTotals>>;
}

/** A windows_lingering_flows increment, and whether its flow was stranded at that moment. */
export interface Suppression {
  readonly flow: number;
  /** Ended, still in `openFlows`, its last delete notification finished. */
  readonly stranded: boolean;
}

/** What the latest poll did. */
export interface PollResult {
  /** 1-based poll number. */
  readonly index: number;
  /** 0-based client index. */
  readonly client: number;
  readonly records: readonly ShippedRecord[];
  /** Cookies the `openFlows` read returned. */
  readonly openCookies: readonly number[];
  /** Cookies in the client's closed buffer when `GetDelta` ran. */
  readonly closedCookies: readonly number[];
  /** The `windows_lingering_flows` increments of this poll. */
  readonly suppressions: readonly Suppression[];
  /** The cookies the client kept a baseline for once `GetDelta` returned. */
  readonly baselines: readonly number[];
}

/** The system. */
export interface EngineState {
  readonly config: EngineConfig;
  readonly driver: DriverState;
  readonly agent: NetworkState;
  /** One per client. */
  readonly backends: readonly Backend[];
  readonly poll: PollInFlight | null;
  /** The asynchronous closed-flow drain part-way through, if any. */
  readonly drain: DrainInFlight | null;
  /** ghost: each client slot's current (or last) session. */
  readonly sessions: readonly ClientSession[];
  /** Polls completed. */
  readonly polls: number;
  readonly lastPoll: PollResult | null;
  /**
   * ghost: re-reports of a connection whose baseline already counted a close, that add no close
   * and carry failures (the predicate of PR #50823, counted whatever the design does with them).
   */
  readonly reReportsWithFailures: number;
}

/** A session that has seen nothing yet. */
export const NEW_SESSION: ClientSession = { ended: [], shipped: {} };

/** The client id the agent state uses for client index `i`. */
export const clientId = (i: number): string => String(i + 1);

/**
 * The initial system: no flow, every client registered (so each stores closed records).
 *
 * @example
 * newEngine({ driver: original, agent: prefix, layers: 4, clients: 1 }).polls //=> 0
 */
export function newEngine(config: EngineConfig): EngineState {
  let agent = newNetworkState(config.agent);
  for (let i = 0; i < config.clients; i++) agent = registerClient(agent, clientId(i));
  return {
    config,
    driver: emptyDriver(config.layers),
    agent,
    backends: Array.from({ length: config.clients }, () => EMPTY_BACKEND),
    poll: null,
    drain: null,
    sessions: Array.from({ length: config.clients }, () => NEW_SESSION),
    polls: 0,
    lastPoll: null,
    reReportsWithFailures: 0,
  };
}
