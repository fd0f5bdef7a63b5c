/**
 * Agent client 1 while it is registered: its closed buffer, filled by `StoreClosedConnection` and
 * emptied by its next `GetDelta`. Its baselines and its session's totals live on the flows.
 *
 * Leaves out: clients beyond one, `maxClosedConns` (the buffer never fills here), cookie reuse.
 */
import type { FlowRecord } from './FlowRecord.js';
import { isEmptyRecord } from './FlowRecord.js';

/** A registered client. */
export interface ModelClient {
  /** `closedConnections.conns`: non-empty records in arrival order, then empty ones. */
  readonly closed: readonly FlowRecord[];
}

/** A client just registered (or re-created by `getClient`): no closed record yet. */
export const NEW_CLIENT: ModelClient = { closed: [] };

/**
 * `closedConnections.insert` (pkg/network/state.go): a non-empty record goes in at `emptyStart`,
 * after the non-empty ones already there and before every empty one; an empty one at the end.
 *
 * @example
 * insertClosed([emptyOf1], nonEmptyOf2) //=> [nonEmptyOf2, emptyOf1]
 */
function insertClosed(buffer: readonly FlowRecord[], r: FlowRecord): readonly FlowRecord[] {
  if (isEmptyRecord(r)) return [...buffer, r];
  const emptyStart = buffer.findIndex(isEmptyRecord);
  return emptyStart === -1
    ? [...buffer, r]
    : [...buffer.slice(0, emptyStart), r, ...buffer.slice(emptyStart)];
}

/**
 * `StoreClosedConnection` for client 1: into its buffer when it is registered; an expired client
 * gets nothing (docs/environment.md, *Client churn*).
 *
 * @example
 * storeClosed(null, record) //=> null
 */
export const storeClosed = (client: ModelClient | null, r: FlowRecord): ModelClient | null =>
  client === null ? null : { closed: insertClosed(client.closed, r) };
