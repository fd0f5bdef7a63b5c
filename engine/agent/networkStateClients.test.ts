/**
 * Clients of the agent's state: `RegisterClient` and `RemoveClient` / `RemoveExpiredClients`, each
 * touching only the client it names.
 */
import { describe, expect, it } from 'vitest';
import { connection, cookie } from './ConnectionStats.js';
import type { NetworkState } from './networkState.js';
import {
  getClient,
  getDelta,
  newNetworkState,
  registerClient,
  removeClient,
  storeClosedConnection,
} from './networkState.js';
import { counters } from './statCounters.js';
import { prefix } from './variants/prefix.js';

const ids = (ns: NetworkState) => ns.clients.map((c) => c.id);
const closedRecord = connection({ cookie: cookie(1), monotonic: counters({ sentBytes: 3 }) });

describe('clients', () => {
  it('registers a client once', () => {
    const ns = registerClient(registerClient(newNetworkState(prefix), '1'), '1');
    expect(ids(ns)).toEqual(['1']);
  });

  it('removes only the expired client, with its buffered closed records', () => {
    // Arrange: both clients buffer the same closed record.
    const both = ['1', '2'].reduce(registerClient, newNetworkState(prefix));
    const stored = storeClosedConnection(both, closedRecord);
    // Act
    const ns = removeClient(stored, '1');
    // Assert: client 2 keeps its buffer; client 1, polling again, starts empty.
    expect([ids(ns), getClient(ns, '2')?.closed.conns.length]).toEqual([['2'], 1]);
    expect(getDelta(ns, '1', []).conns).toEqual([]);
  });

  it('removes nothing for a client that is not registered', () => {
    const ns = registerClient(newNetworkState(prefix), '1');
    expect(ids(removeClient(ns, '2'))).toEqual(['1']);
  });
});
