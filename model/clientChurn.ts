/**
 * Client churn for client 1 (pkg/network/state.go `RegisterClient`, `getClient`,
 * `RemoveExpiredClients`): expiry drops its baselines and its buffered closed records; a
 * registration, or a poll's `GetDelta` on a client that is not registered, starts a new, empty
 * session, and each flow's shipped totals are those of the current session
 * (docs/environment.md, *Client churn*).
 *
 * Leaves out: time (expiry is an event), clients beyond one.
 */
import { NEW_CLIENT } from './ModelClient.js';
import type { ModelContext } from './ModelContext.js';

const NOTHING_SHIPPED = { closes: 0, failures: 0 } as const;

/** A new session: client 1 empty and registered, no baseline, nothing shipped yet. */
export const startSession = (c: ModelContext): Pick<ModelContext, 'flows' | 'client'> => ({
  flows: c.flows.map((f) => f && { ...f, baseline: null, shipped: NOTHING_SHIPPED }),
  client: NEW_CLIENT,
});

/** `RemoveClient`: client 1 goes, with its baselines and its buffered closed records. */
export const expireClient = (c: ModelContext): Pick<ModelContext, 'flows' | 'client'> => ({
  flows: c.flows.map((f) => f && { ...f, baseline: null }),
  client: null,
});

/** `getClient` as `GetDelta` calls it: client 1 as it is, or a new session when it expired. */
export const getClient = (c: ModelContext): Pick<ModelContext, 'flows' | 'client'> =>
  c.client === null ? startSession(c) : { flows: c.flows, client: c.client };
