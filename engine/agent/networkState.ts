/**
 * The agent's per-client connection state (`networkState`, pkg/network/state.go): clients,
 * `StoreClosedConnection`, and `GetDelta` with its closed pass (a closed record absorbs an active
 * twin), active pass (`createStatsForCookie`, baselines kept only for active cookies), the filter
 * on `Last` alone, and the aggregation by tuple.
 *
 * Leaves out: time (a client expires by an event: docs/environment.md), DNS and USM stats,
 * intra-host and direction fix-ups, port rollups, NAT and protocol-stack checks in aggregation
 * (every record here is aggregatable).
 */
import type { AgentTelemetry } from './AgentTelemetry.js';
import { bump, ZERO_TELEMETRY } from './AgentTelemetry.js';
import type { AgentVariant, Baseline } from './AgentVariant.js';
import { firstKeepsFailures } from './AgentVariant.js';
import type { ClosedConnections } from './closedConnections.js';
import { indexOfCookie, insert, NO_CLOSED, replaceAt } from './closedConnections.js';
import type { ConnectionStats, Cookie } from './ConnectionStats.js';
import { mergeConnectionStats } from './mergeConnectionStats.js';
import { addCounters, isZero, ZERO_COUNTERS } from './statCounters.js';
import type { TCPFailures } from './tcpFailures.js';
import { addFailures, NO_FAILURES } from './tcpFailures.js';
import type { Update } from './updateConnWithStats.js';
import { updateConnWithStats } from './updateConnWithStats.js';

/** Limits of the state (`NewState` arguments); the tests use 50000 and 75000. */
export interface AgentConfig {
  readonly maxClosedConns: number;
  readonly maxClientStats: number;
  readonly variant: AgentVariant;
}

/** One client (process-agent is one): its baselines and its closed buffer. */
export interface Client {
  readonly id: string;
  /** Baselines by cookie (`client.stats`). */
  readonly stats: ReadonlyMap<Cookie, Baseline>;
  readonly closed: ClosedConnections;
}

/** The whole state. */
export interface NetworkState {
  readonly config: AgentConfig;
  readonly clients: readonly Client[];
  readonly telemetry: AgentTelemetry;
}

/** One record `GetDelta` processed, for the history: which pass, what `updateConnWithStats` did, and whether it shipped. */
export interface Processed extends Update {
  readonly pass: 'closed' | 'active';
  readonly kept: boolean;
}

/** What `GetDelta` returns. */
export interface Delta {
  readonly state: NetworkState;
  /** `Delta.Conns`: the active records, then the closed ones, after aggregation. */
  readonly conns: readonly ConnectionStats[];
  /** For each of `conns`, the records merged into it (the kept one first). */
  readonly parts: readonly (readonly AggregatedPart[])[];
  readonly processed: readonly Processed[];
}

/** A state with no client (`NewState`). */
export const newNetworkState = (
  variant: AgentVariant,
  limits: Partial<Omit<AgentConfig, 'variant'>> = {},
): NetworkState => ({
  config: { maxClosedConns: 50000, maxClientStats: 75000, ...limits, variant },
  clients: [],
  telemetry: ZERO_TELEMETRY,
});

const newClient = (id: string): Client => ({ id, stats: new Map(), closed: NO_CLOSED });

/** The client called `id`, if registered. */
export const getClient = (ns: NetworkState, id: string): Client | undefined =>
  ns.clients.find((c) => c.id === id);

const putClient = (ns: NetworkState, client: Client): NetworkState => ({
  ...ns,
  clients: ns.clients.some((c) => c.id === client.id)
    ? ns.clients.map((c) => (c.id === client.id ? client : c))
    : [...ns.clients, client],
});

/** `RegisterClient`: idempotent; closed records are stored only for registered clients. */
export const registerClient = (ns: NetworkState, id: string): NetworkState =>
  getClient(ns, id) ? ns : putClient(ns, newClient(id));

/**
 * `RemoveClient` / `RemoveExpiredClients`: the client goes, with its baselines and the closed
 * records buffered for it.
 */
export const removeClient = (ns: NetworkState, id: string): NetworkState => ({
  ...ns,
  clients: ns.clients.filter((c) => c.id !== id),
});

/** `RemoveConnections`: forgets these cookies' baselines in every client. */
export const removeConnections = (ns: NetworkState, cookies: readonly Cookie[]): NetworkState => ({
  ...ns,
  clients: ns.clients.map((c) => {
    const stats = new Map(c.stats);
    for (const k of cookies) stats.delete(k);
    return { ...c, stats };
  }),
});

/**
 * `StoreClosedConnection`: into every registered client's buffer, merged with a stored record of
 * the same cookie (which keeps its own failures), or inserted.
 */
export function storeClosedConnection(ns: NetworkState, c: ConnectionStats): NetworkState {
  let telemetry = ns.telemetry;
  const clients = ns.clients.map((client) => {
    const i = indexOfCookie(client.closed, c.cookie);
    if (i >= 0) {
      const stored = client.closed.conns[i] as ConnectionStats;
      const m = mergeConnectionStats(stored, c);
      if (m.collision) {
        telemetry = bump(telemetry, 'stats_cookie_collisions');
        return { ...client, closed: replaceAt(client.closed, i, c) };
      }
      const conns = client.closed.conns.slice();
      conns[i] = m.merged;
      return { ...client, closed: { ...client.closed, conns } };
    }
    const ins = insert(client.closed, c, ns.config.maxClosedConns);
    if (ins.dropped) telemetry = bump(telemetry, 'closed_conn_dropped');
    return { ...client, closed: ins.closed };
  });
  return { ...ns, clients, telemetry };
}

/** `mergeByCookie`: one active record per cookie (same tuple: maximum; collision: the newer). */
function mergeByCookie(active: readonly ConnectionStats[], telemetry: AgentTelemetry) {
  const byCookie = new Map<Cookie, ConnectionStats>();
  const order: Cookie[] = [];
  for (const c of active) {
    const kept = byCookie.get(c.cookie);
    if (kept === undefined) {
      byCookie.set(c.cookie, c);
      order.push(c.cookie);
      continue;
    }
    const m = mergeConnectionStats(kept, c);
    if (!m.collision) byCookie.set(c.cookie, m.merged);
    else {
      telemetry = bump(telemetry, 'stats_cookie_collisions');
      if (c.lastUpdateEpoch > kept.lastUpdateEpoch) byCookie.set(c.cookie, c);
    }
  }
  return { byCookie, order, telemetry };
}

/** One record's share of a shipped record: the record, and the failures it keeps in the merged one. */
export interface AggregatedPart {
  readonly conn: ConnectionStats;
  readonly failures: TCPFailures;
}

/**
 * `connectionAggregator` (pkg/network/state.go): records with the same tuple are merged into the
 * first (`Monotonic` and `Last` summed, the latest epoch kept); what each keeps of its failures is
 * the design's `aggregateFailures` (upstream: the first record's survive, the others' are lost),
 * and the merged record carries their sum.
 */
function aggregate(
  conns: readonly ConnectionStats[],
  variant: AgentVariant,
): { conns: ConnectionStats[]; parts: AggregatedPart[][] } {
  const groups: ConnectionStats[][] = [];
  const byTuple = new Map<string, ConnectionStats[]>();
  for (const c of conns) {
    const group = byTuple.get(c.tuple);
    if (group === undefined) {
      const g = [c];
      byTuple.set(c.tuple, g);
      groups.push(g);
    } else group.push(c);
  }
  const keep = variant.aggregateFailures ?? firstKeepsFailures;
  const parts = groups.map((g) => {
    const kept = keep(g);
    return g.map((conn, i) => ({ conn, failures: kept[i] ?? NO_FAILURES }));
  });
  const merged = parts.map((ps) =>
    ps.slice(1).reduce<ConnectionStats>(
      (a, { conn: c, failures }) => ({
        ...a,
        monotonic: addCounters(a.monotonic, c.monotonic),
        last: addCounters(a.last, c.last),
        tcpFailures: addFailures(a.tcpFailures, failures),
        lastUpdateEpoch: Math.max(a.lastUpdateEpoch, c.lastUpdateEpoch),
      }),
      { ...(ps[0] as AggregatedPart).conn, tcpFailures: (ps[0] as AggregatedPart).failures },
    ),
  );
  return { conns: merged, parts };
}

/**
 * `GetDelta(clientID, active)`: registers an unknown client, runs the closed pass then the active
 * pass, keeps baselines only for this poll's active cookies, filters records whose `Last` is zero
 * (`TCPFailures` is not looked at), aggregates, and empties the client's closed buffer.
 *
 * @example
 * getDelta(newNetworkState(prefix), '1', [record]).conns[0].last //=> record.monotonic
 */
export function getDelta(
  ns0: NetworkState,
  id: string,
  activeIn: readonly ConnectionStats[],
): Delta {
  const ns = registerClient(ns0, id);
  const client = getClient(ns, id) as Client;
  const { variant, maxClientStats } = ns.config;
  const merged = mergeByCookie(activeIn, ns.telemetry);
  let telemetry = merged.telemetry;
  const activeByCookie = merged.byCookie;
  let stats = client.stats;
  const processed: Processed[] = [];

  const record = (u: Update, pass: Processed['pass']) => {
    stats = u.stats;
    if (u.underflow) telemetry = bump(telemetry, 'stats_underflows');
    if (u.suppressed) telemetry = bump(telemetry, 'windows_lingering_flows');
    const kept = !isZero(u.conn.last);
    processed.push({ ...u, pass, kept });
    return kept;
  };

  // Closed pass: a closed record absorbs its active twin (same cookie).
  const closed: ConnectionStats[] = [];
  for (const stored of client.closed.conns) {
    let conn = stored;
    const twin = activeByCookie.get(conn.cookie);
    if (twin !== undefined) {
      const m = mergeConnectionStats(conn, twin);
      if (m.collision) {
        telemetry = bump(telemetry, 'stats_cookie_collisions');
        const s = new Map(stats);
        s.delete(conn.cookie);
        stats = s;
        // The newer of the two wins; the active one goes on to the active pass.
        if (twin.lastUpdateEpoch > conn.lastUpdateEpoch) continue;
      } else conn = m.merged;
      activeByCookie.delete(conn.cookie);
    }
    const u = updateConnWithStats(stats, conn.cookie, conn, variant);
    if (record(u, 'closed')) closed.push(u.conn);
  }

  // Active pass: only the cookies still active keep a baseline.
  const active: ConnectionStats[] = [];
  const newStats = new Map<Cookie, Baseline>();
  for (const key of merged.order) {
    const conn = activeByCookie.get(key);
    if (conn === undefined) continue;
    if (!stats.has(key)) {
      // createStatsForCookie: a full stats map drops the connection.
      if (stats.size >= maxClientStats) {
        telemetry = bump(telemetry, 'conn_dropped');
        continue;
      }
      stats = new Map(stats).set(key, { counters: ZERO_COUNTERS, failures: NO_FAILURES });
    }
    const u = updateConnWithStats(stats, key, conn, variant);
    newStats.set(key, u.stats.get(key) as Baseline);
    if (record(u, 'active')) active.push(u.conn);
  }

  const done: Client = { ...client, stats: newStats, closed: NO_CLOSED };
  const shipped = aggregate([...active, ...closed], variant);
  return {
    state: { ...putClient(ns, done), telemetry },
    conns: shipped.conns,
    parts: shipped.parts,
    processed,
  };
}
