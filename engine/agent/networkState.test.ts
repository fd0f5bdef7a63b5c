/**
 * The scenarios of datadog-agent pkg/network/state_test.go (docs/semantics.md#upstream-tests),
 * restated with records fed straight into the agent's state, without the driver.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionStats } from './ConnectionStats.js';
import { connection, cookie } from './ConnectionStats.js';
import type { NetworkState } from './networkState.js';
import {
  getClient,
  getDelta,
  newNetworkState,
  registerClient,
  removeConnections,
  storeClosedConnection,
} from './networkState.js';
import { counters } from './statCounters.js';
import { prefix } from './variants/prefix.js';

const TUPLE = 'same-tuple';
const conn = (c: number, sent: number, extra: Partial<ConnectionStats> = {}) =>
  connection({
    cookie: cookie(c),
    tuple: TUPLE,
    monotonic: counters({ sentBytes: sent }),
    ...extra,
  });

/** A tiny driver for a scenario: each call polls one client and returns the shipped records. */
function scenario(limits: { maxClosedConns?: number; maxClientStats?: number } = {}) {
  let ns: NetworkState = newNetworkState(prefix, limits);
  return {
    register: (id: string) => void (ns = registerClient(ns, id)),
    close: (c: ConnectionStats) => void (ns = storeClosedConnection(ns, c)),
    poll: (id: string, active: readonly ConnectionStats[] = []) => {
      const d = getDelta(ns, id, active);
      ns = d.state;
      return d.conns;
    },
    baselines: (id: string) => [...(getClient(ns, id)?.stats.keys() ?? [])].map(Number).sort(),
    closedBuffer: (id: string) => getClient(ns, id)?.closed,
    state: () => ns,
    set: (next: NetworkState) => void (ns = next),
  };
}

describe('closed connections (TestRetrieveClosedConnection)', () => {
  it('never returns a closed record stored before the client registered', () => {
    const s = scenario();
    s.close(conn(1, 3));
    expect(s.poll('1')).toEqual([]);
  });

  it('returns a closed record once to a registered client, and not to a client registered later', () => {
    const s = scenario();
    s.register('1');
    s.close(conn(1, 3));
    s.register('2');
    expect(s.poll('1').map((c) => c.last.sentBytes)).toEqual([3]);
    expect(s.poll('2')).toEqual([]);
    expect(s.poll('1')).toEqual([]);
  });

  it('forgets a cookie baseline on RemoveConnections (TestRemoveConnections)', () => {
    const s = scenario();
    s.poll('1', [conn(1, 3)]);
    expect(s.baselines('1')).toEqual([1]);
    s.set(removeConnections(s.state(), [cookie(1)]));
    expect(s.baselines('1')).toEqual([]);
  });
});

describe('limits', () => {
  it('drops an active connection when the stats map is full (TestDropActiveConnections)', () => {
    const s = scenario({ maxClientStats: 1 });
    const shipped = s.poll('1', [conn(1, 3, { tuple: 'a' }), conn(2, 4, { tuple: 'b' })]);
    expect(shipped.map((c) => c.cookie)).toEqual([1]);
    expect(s.state().telemetry.conn_dropped).toBe(1);
    expect(s.baselines('1')).toEqual([1]);
  });

  it('keeps empty closed records after non-empty ones and drops the incoming empty one when full (TestDropEmptyConnections)', () => {
    const s = scenario({ maxClosedConns: 2 });
    s.register('1');
    const empty = (c: number) => connection({ cookie: cookie(c), tuple: `e${c}` });
    s.close(empty(1));
    s.close(conn(2, 5, { tuple: 'x' }));
    expect(s.closedBuffer('1')?.conns.map((c) => c.cookie)).toEqual([2, 1]);
    expect(s.closedBuffer('1')?.emptyStart).toBe(1);
    s.close(empty(3));
    expect(s.closedBuffer('1')?.conns.map((c) => c.cookie)).toEqual([2, 1]);
    expect(s.state().telemetry.closed_conn_dropped).toBe(1);
  });

  it('lets a non-empty closed record take the slot of an empty one when full', () => {
    const s = scenario({ maxClosedConns: 2 });
    s.register('1');
    s.close(conn(2, 5, { tuple: 'x' }));
    s.close(connection({ cookie: cookie(1), tuple: 'e1' }));
    s.close(conn(3, 7, { tuple: 'y' }));
    expect(s.closedBuffer('1')?.conns.map((c) => c.cookie)).toEqual([2, 3]);
    expect(s.closedBuffer('1')?.emptyStart).toBe(2);
  });

  it('replaces a colliding closed record only with a newer one (Replace with latest)', () => {
    const s = scenario();
    s.register('1');
    s.close(conn(1, 5, { tuple: 'a', lastUpdateEpoch: 2 }));
    s.close(conn(1, 9, { tuple: 'b', lastUpdateEpoch: 1 }));
    expect(s.closedBuffer('1')?.conns[0]?.tuple).toBe('a');
    s.close(conn(1, 9, { tuple: 'b', lastUpdateEpoch: 3 }));
    expect(s.closedBuffer('1')?.conns[0]?.tuple).toBe('b');
    expect(s.state().telemetry.stats_cookie_collisions).toBe(2);
  });
});

describe('Last (TestLastStats, TestLastStatsForClosedConnection, TestNoPriorRegistrationActiveConnections)', () => {
  it('ships Last = Monotonic on an unknown client first poll', () => {
    const s = scenario();
    expect(s.poll('1', [conn(1, 1)]).map((c) => c.last.sentBytes)).toEqual([1]);
  });

  it('keeps independent baselines per client, and a client that skipped a poll gets the combined delta', () => {
    const s = scenario();
    s.register('1');
    s.register('2');
    expect(s.poll('1', [conn(1, 36)])[0]?.last.sentBytes).toBe(36);
    expect(s.poll('2', [conn(1, 36 + 42)])[0]?.last.sentBytes).toBe(78);
    expect(s.poll('1', [conn(1, 36 + 84)])[0]?.last.sentBytes).toBe(84);
    expect(s.poll('2', [conn(1, 36 + 84)])[0]?.last.sentBytes).toBe(42);
  });

  it('ships a closed record against the baseline its active twin left', () => {
    const s = scenario();
    s.poll('1', [conn(1, 36)]);
    s.close(conn(1, 36 + 42));
    const [c] = s.poll('1');
    expect([c?.monotonic.sentBytes, c?.last.sentBytes]).toEqual([78, 42]);
  });
});

describe('same key edge cases (TestSameKeyEdgeCases)', () => {
  it('ships a short-lived connection once and keeps no baseline for it (ShortlivedConnection)', () => {
    const s = scenario();
    s.register('c');
    s.close(conn(1, 3));
    const [c] = s.poll('c');
    expect([c?.monotonic.sentBytes, c?.last.sentBytes]).toEqual([3, 3]);
    expect(s.baselines('c')).toEqual([]);
  });

  it('sums two short-lived cookies with the same tuple (TwoShortlivedConnections: 3 + 5 = 8)', () => {
    const s = scenario();
    s.register('c');
    s.close(conn(1, 3));
    s.close(conn(2, 5, { lastUpdateEpoch: 1 }));
    const shipped = s.poll('c');
    expect(shipped.map((c) => [c.monotonic.sentBytes, c.last.sentBytes])).toEqual([[8, 8]]);
  });

  it('aggregates a closed cookie with a crossing active one (TwoShortlivedConnectionsCrossing-1)', () => {
    const s = scenario();
    s.register('c');
    expect(s.poll('c', [conn(1, 1)])[0]?.last.sentBytes).toBe(1);
    s.close(conn(1, 2));
    const shipped = s.poll('c', [conn(2, 1)]);
    expect(shipped.map((c) => [c.monotonic.sentBytes, c.last.sentBytes])).toEqual([[3, 2]]);
    expect(s.baselines('c')).toEqual([2]);
    s.close(conn(2, 2));
    expect(s.poll('c').map((c) => [c.monotonic.sentBytes, c.last.sentBytes])).toEqual([[2, 1]]);
    expect(s.baselines('c')).toEqual([]);
  });

  it('ships 5 of 8 bytes when a connection seen at 3 closes at 8 (ConnectionCrossing)', () => {
    const s = scenario();
    s.register('c');
    expect(s.poll('c', [conn(1, 3)])[0]?.last.sentBytes).toBe(3);
    s.close(conn(1, 8));
    const [c] = s.poll('c');
    expect([c?.monotonic.sentBytes, c?.last.sentBytes]).toEqual([8, 5]);
    expect(s.baselines('c')).toEqual([]);
  });

  it('serves two clients that join a long-lived connection at different times', () => {
    const s = scenario();
    expect(s.poll('c', [conn(1, 3)])[0]?.last.sentBytes).toBe(3);
    expect(s.poll('d', [conn(1, 4)])[0]?.last.sentBytes).toBe(4);
    expect(s.poll('c', [conn(1, 7)])[0]?.last.sentBytes).toBe(4);
    expect(s.poll('d', [conn(1, 9)])[0]?.last.sentBytes).toBe(5);
  });
});

describe('underflows and repeated closes', () => {
  it('does not ship a connection whose bytes went backwards, and counts the underflow (TestStatsResetOnUnderflow)', () => {
    const s = scenario();
    s.poll('1', [conn(1, 3)]);
    expect(s.poll('1', [conn(1, 2)])).toEqual([]);
    expect(s.state().telemetry.stats_underflows).toBe(1);
  });

  it('counts a closed record stored twice once for each client (TestDoubleCloseOnTwoClients)', () => {
    const s = scenario();
    s.register('1');
    s.register('2');
    s.close(conn(1, 3));
    s.close(conn(1, 3, { lastUpdateEpoch: 1 }));
    expect(s.poll('1').map((c) => c.last.sentBytes)).toEqual([3]);
    expect(s.poll('2').map((c) => c.last.sentBytes)).toEqual([3]);
  });

  it('takes the maximum of a closed record and an older active twin (TestUnorderedCloseEvent)', () => {
    // Arrange: the closed read is newer than the active one.
    const s = scenario();
    s.register('c');
    s.close(
      conn(1, 4, { monotonic: counters({ sentBytes: 4, recvBytes: 1 }), lastUpdateEpoch: 2 }),
    );
    // Act
    const [c] = s.poll('c', [conn(1, 3, { lastUpdateEpoch: 1 })]);
    // Assert
    expect([c?.last.sentBytes, c?.last.recvBytes]).toEqual([4, 1]);
    expect(s.poll('c')).toEqual([]);
    expect(s.poll('c')).toEqual([]);
    s.close(conn(1, 2, { lastUpdateEpoch: 3 }));
    expect(s.poll('c').map((x) => [x.last.sentBytes, x.last.recvBytes])).toEqual([[2, 0]]);
    expect(s.state().telemetry.stats_underflows).toBe(0);
  });

  it('merges a closed record with a same-tuple active twin and ships the maximum against the twin baseline', () => {
    // Arrange: a baseline of 36 from the active poll; the close reads 78 bytes, the twin 80 bytes and 2 received.
    const s = scenario();
    s.poll('c', [conn(1, 36)]);
    s.close(conn(1, 78));
    // Act
    const shipped = s.poll('c', [
      conn(1, 80, { monotonic: counters({ sentBytes: 80, recvBytes: 2 }) }),
    ]);
    // Assert: one record, merged (80 sent, 2 received) and measured against the baseline (80 - 36); no collision.
    expect(shipped.map((c) => [c.monotonic.sentBytes, c.last.sentBytes, c.last.recvBytes])).toEqual(
      [[80, 44, 2]],
    );
    expect(s.state().telemetry.stats_cookie_collisions).toBe(0);
  });

  it('keeps the newest epoch across repeated stores (TestAggregateClosedConnectionsTimestamp)', () => {
    const s = scenario();
    s.register('c');
    for (const epoch of [1, 2, 3]) s.close(conn(1, 3, { lastUpdateEpoch: epoch }));
    expect(s.poll('c')[0]?.lastUpdateEpoch).toBe(3);
  });

  it('merges a same-tuple record stored again, even an older one, to the maximum without a collision', () => {
    // Same cookie and tuple is no collision: the stored record takes the field-wise maximum, whatever the epochs.
    const s = scenario();
    s.register('c');
    s.close(conn(1, 3, { lastUpdateEpoch: 2 }));
    s.close(conn(1, 9, { lastUpdateEpoch: 1 }));
    const stored = s.closedBuffer('c')?.conns[0];
    expect([
      stored?.monotonic.sentBytes,
      stored?.lastUpdateEpoch,
      s.state().telemetry.stats_cookie_collisions,
    ]).toEqual([9, 2, 0]);
  });

  it('keeps the stored failures when the same cookie is stored again', () => {
    const s = scenario();
    s.register('c');
    s.close(conn(1, 3, { tcpFailures: { '104': 1 } }));
    s.close(conn(1, 4, { tcpFailures: { '110': 1 } }));
    expect(s.poll('c')[0]?.tcpFailures).toEqual({ '104': 1 });
  });
});

describe('cookies seen twice in one poll', () => {
  it('merges two active records of one cookie and tuple into one, processed once', () => {
    const d = getDelta(newNetworkState(prefix), 'c', [conn(1, 3), conn(1, 5)]);
    expect(d.conns.map((c) => [c.cookie, c.last.sentBytes])).toEqual([[1, 5]]);
    expect(d.processed.map((p) => [p.pass, p.kept])).toEqual([['active', true]]);
  });

  it('keeps the newer of two active records whose tuples collide, the first on a tie, and counts each collision', () => {
    const newer = getDelta(newNetworkState(prefix), 'c', [
      conn(1, 3, { tuple: 'a', lastUpdateEpoch: 1 }),
      conn(1, 5, { tuple: 'b', lastUpdateEpoch: 2 }),
    ]);
    expect([
      newer.conns.map((c) => c.tuple),
      newer.state.telemetry.stats_cookie_collisions,
    ]).toEqual([['b'], 1]);
    const older = getDelta(newNetworkState(prefix), 'c', [
      conn(1, 3, { tuple: 'a', lastUpdateEpoch: 2 }),
      conn(1, 5, { tuple: 'b', lastUpdateEpoch: 1 }),
    ]);
    expect(older.conns.map((c) => c.tuple)).toEqual(['a']);
    const tie = getDelta(newNetworkState(prefix), 'c', [
      conn(1, 3, { tuple: 'a', lastUpdateEpoch: 1 }),
      conn(1, 5, { tuple: 'b', lastUpdateEpoch: 1 }),
    ]);
    expect(tie.conns.map((c) => c.tuple)).toEqual(['a']);
  });

  it('labels each processed record with its pass and whether it shipped', () => {
    const s = scenario();
    s.register('c');
    s.poll('c', [conn(2, 4, { tuple: 'two' })]);
    s.close(conn(1, 3));
    const d = getDelta(s.state(), 'c', [conn(2, 4, { tuple: 'two' })]);
    expect(d.processed.map((p) => [p.pass, p.conn.cookie, p.kept])).toEqual([
      ['closed', 1, true],
      ['active', 2, false],
    ]);
  });
});

describe('a closed record whose active twin has another tuple', () => {
  const collide = (twinEpoch: number) => {
    const s = scenario();
    s.register('c');
    s.poll('c', [conn(1, 1, { tuple: 'a', lastUpdateEpoch: 1 })]);
    s.close(conn(1, 3, { tuple: 'a', lastUpdateEpoch: 2 }));
    const shipped = s.poll('c', [conn(1, 7, { tuple: 'b', lastUpdateEpoch: twinEpoch })]);
    return {
      shipped: shipped.map((c) => [c.tuple, c.last.sentBytes]),
      collisions: s.state().telemetry.stats_cookie_collisions,
      baselines: s.baselines('c'),
    };
  };

  it('ships the closed record from scratch and drops an older twin', () => {
    expect(collide(1)).toEqual({ shipped: [['a', 3]], collisions: 1, baselines: [] });
  });

  it('drops the closed record for a newer twin, which ships as a new connection', () => {
    expect(collide(3)).toEqual({ shipped: [['b', 7]], collisions: 1, baselines: [1] });
  });

  it('keeps the closed record when the twin has the same epoch', () => {
    expect(collide(2)).toEqual({ shipped: [['a', 3]], collisions: 1, baselines: [] });
  });
});

describe('state hygiene', () => {
  it('keeps each client and its closed buffer when RemoveConnections forgets baselines', () => {
    const s = scenario();
    s.register('1');
    s.poll('1', [conn(1, 3)]);
    s.close(conn(2, 4, { tuple: 'x' }));
    s.set(removeConnections(s.state(), [cookie(1)]));
    expect([
      getClient(s.state(), '1')?.id,
      s.closedBuffer('1')?.conns.map((c) => c.cookie),
    ]).toEqual(['1', [2]]);
  });

  it('leaves the earlier state untouched when a stored record merges with a new one', () => {
    const s = scenario();
    s.register('1');
    s.close(conn(1, 3));
    const before = s.state();
    s.close(conn(1, 9, { lastUpdateEpoch: 1 }));
    expect([
      getClient(before, '1')?.closed.conns[0]?.monotonic.sentBytes,
      s.closedBuffer('1')?.conns[0]?.monotonic.sentBytes,
    ]).toEqual([3, 9]);
  });

  it('aggregates records of one tuple with the newest epoch', () => {
    const s = scenario();
    s.register('c');
    s.close(conn(1, 3, { lastUpdateEpoch: 3 }));
    s.close(conn(2, 5, { lastUpdateEpoch: 1 }));
    expect(s.poll('c').map((c) => [c.last.sentBytes, c.lastUpdateEpoch])).toEqual([[8, 3]]);
  });
});
