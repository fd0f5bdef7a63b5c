/**
 * The whole simulated system: the driver's tables, the agent's per-client state, one backend per
 * client, the poll part-way through (if any), and the history the invariants read.
 *
 * Leaves out: time. Clients poll in turn: poll k (from 0) is client `k mod clients`'s.
 */
import type { AgentVariant } from './agent/AgentVariant.js';
import type { ConnectionStats } from './agent/ConnectionStats.js';
import type { NetworkState } from './agent/networkState.js';
import { newNetworkState, registerClient } from './agent/networkState.js';
import type { PayloadRecord } from './agent/PayloadRecord.js';
import type { StatCounters } from './agent/statCounters.js';
import type { TCPFailures } from './agent/tcpFailures.js';
import type { Backend } from './backend/backend.js';
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
  readonly client: number;
  readonly open: readonly ConnectionStats[];
}

/** A shipped record with what the invariants need beside the payload. */
export interface ShippedRecord extends PayloadRecord {
  readonly last: StatCounters;
  readonly monotonic: StatCounters;
  /** The failures `FlowToConnStat` built, before the agent design's rules. */
  readonly rawFailures: TCPFailures;
  /** Closes this connection had shipped to this client's backend before this poll. */
  readonly closesBefore: number;
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
}

/** The system. */
export interface EngineState {
  readonly config: EngineConfig;
  readonly driver: DriverState;
  readonly agent: NetworkState;
  /** One per client. */
  readonly backends: readonly Backend[];
  readonly poll: PollInFlight | null;
  /** Polls completed. */
  readonly polls: number;
  readonly lastPoll: PollResult | null;
  /**
   * ghost: re-reports of a connection whose baseline already counted a close, that add no close
   * and carry failures (the predicate of PR #50823, counted whatever the design does with them).
   */
  readonly reReportsWithFailures: number;
}

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
    polls: 0,
    lastPoll: null,
    reReportsWithFailures: 0,
  };
}
