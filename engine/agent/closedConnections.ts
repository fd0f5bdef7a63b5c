/**
 * A client's buffer of closed connections (`closedConnections` in pkg/network/state.go): non-empty
 * records first, empty ones (`IsEmpty`) after `emptyStart`, bounded by `maxClosedConns`, with the
 * Go code's `insert`, `dropEmpty` and `replaceAt` rules.
 *
 * Leaves out: the `byCookie` index, derived here by search; capacity shrinking in `Reset`.
 */
import type { ConnectionStats, Cookie } from './ConnectionStats.js';
import { isEmpty } from './ConnectionStats.js';

/** The buffer. */
export interface ClosedConnections {
  readonly conns: readonly ConnectionStats[];
  /** Index of the first empty record. */
  readonly emptyStart: number;
}

/** An empty buffer. */
export const NO_CLOSED: ClosedConnections = { conns: [], emptyStart: 0 };

/** The index of the record with this cookie, or -1 (`byCookie`). */
export const indexOfCookie = (cc: ClosedConnections, c: Cookie): number =>
  cc.conns.findIndex((x) => x.cookie === c);

/** The buffer after `insert`, and whether the insert counted a `closed_conn_dropped`. */
export interface Insert {
  readonly closed: ClosedConnections;
  readonly dropped: boolean;
}

/**
 * `dropEmpty`: the buffer is full; a non-empty newcomer overwrites the first empty record,
 * otherwise the newcomer is dropped.
 */
export function dropEmpty(cc: ClosedConnections, c: ConnectionStats): ClosedConnections {
  if (isEmpty(c) || cc.emptyStart === cc.conns.length) return cc;
  const conns = cc.conns.slice();
  conns[cc.emptyStart] = c;
  return { conns, emptyStart: cc.emptyStart + 1 };
}

/**
 * `insert`: empty records go to the end; a non-empty one takes the first empty slot, whose record
 * moves to the end. A full buffer counts a drop and falls back to {@link dropEmpty}.
 *
 * @example
 * insert(NO_CLOSED, record, 10).closed.conns.length //=> 1
 */
export function insert(cc: ClosedConnections, c: ConnectionStats, maxClosedConns: number): Insert {
  if (cc.conns.length >= maxClosedConns) return { closed: dropEmpty(cc, c), dropped: true };
  if (isEmpty(c)) return { closed: { ...cc, conns: [...cc.conns, c] }, dropped: false };
  if (cc.emptyStart < cc.conns.length) {
    const conns = cc.conns.slice();
    const firstEmpty = conns[cc.emptyStart] as ConnectionStats;
    conns[cc.emptyStart] = c;
    conns.push(firstEmpty);
    return { closed: { conns, emptyStart: cc.emptyStart + 1 }, dropped: false };
  }
  const conns = [...cc.conns, c];
  return { closed: { conns, emptyStart: conns.length }, dropped: false };
}

/**
 * `replaceAt`: a colliding record replaces record `i` only when it is newer, and never an empty
 * one over a non-empty one; a non-empty record replacing an empty one moves to the non-empty part.
 */
export function replaceAt(cc: ClosedConnections, i: number, c: ConnectionStats): ClosedConnections {
  const current = cc.conns[i];
  if (current === undefined || c.lastUpdateEpoch <= current.lastUpdateEpoch) return cc;
  if (isEmpty(c) && i < cc.emptyStart) return cc;
  const conns = cc.conns.slice();
  if (!isEmpty(c) && i >= cc.emptyStart) {
    conns[i] = conns[cc.emptyStart] as ConnectionStats;
    conns[cc.emptyStart] = c;
    return { conns, emptyStart: cc.emptyStart + 1 };
  }
  conns[i] = c;
  return { ...cc, conns };
}
