/**
 * The backend: sums shipped failures and `lastTcpClosed`, per connection and in total. The rate is
 * failures / closes (the product shows it as a percentage: `sum_of_all_failures * 100 / TCPClosed`
 * in dd-go's FailedConnectionsSketch, quoted in PR #47005).
 *
 * Leaves out: time windows and aggregation across hosts; one backend per agent client.
 */
import type { PayloadRecord } from '../agent/PayloadRecord.js';
import { totalFailures } from '../agent/tcpFailures.js';

/** What one connection has shipped so far. */
export interface ConnectionTotals {
  readonly closes: number;
  readonly failures: number;
}

/** The backend's sums. */
export interface Backend {
  /** By connection: its tuple number (the payload carries no cookie). */
  readonly connections: Readonly<Record<string, ConnectionTotals>>;
  readonly closes: number;
  readonly failures: number;
}

/** Nothing received yet. */
export const EMPTY_BACKEND: Backend = { connections: {}, closes: 0, failures: 0 };

/**
 * Adds one payload.
 *
 * @example
 * receive(EMPTY_BACKEND, [{ cookie: 1, lastTCPClosed: 1, tcpFailures: { '104': 1 }, ... }]).failures //=> 1
 */
export function receive(backend: Backend, payload: readonly PayloadRecord[]): Backend {
  const connections: Record<string, ConnectionTotals> = { ...backend.connections };
  let { closes, failures } = backend;
  for (const r of payload) {
    const f = totalFailures(r.tcpFailures);
    const prev = connections[r.tuple] ?? { closes: 0, failures: 0 };
    connections[r.tuple] = { closes: prev.closes + r.lastTCPClosed, failures: prev.failures + f };
    closes += r.lastTCPClosed;
    failures += f;
  }
  return { connections, closes, failures };
}

/**
 * failures / closes as a fraction; `null` while no close has shipped.
 *
 * @example
 * rate({ connections: {}, closes: 1, failures: 3 }) //=> 3
 */
export const rate = (backend: Backend): number | null =>
  backend.closes === 0 ? null : backend.failures / backend.closes;

/** What connection `tuple` has shipped (zeros if nothing). */
export const totalsOf = (backend: Backend, tuple: number): ConnectionTotals =>
  backend.connections[tuple] ?? { closes: 0, failures: 0 };
