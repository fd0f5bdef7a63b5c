/**
 * A recorded history: the payloads an agent client shipped, poll after poll, reduced to what the
 * backend sums (per connection: `lastTcpClosed`, `tcpFailuresByErrCode`, the byte deltas).
 * Whatever the input shape, the audit reads only this.
 */
import type { Underflow } from './Underflow.js';

/** One shipped connection record. */
export interface HistoryRecord {
  /** 1-based position of its poll in the whole history. */
  readonly poll: number;
  /** The agent client whose backend received it. */
  readonly client: string;
  /** The connection's identity within the history: its tuple, as the backend keys it. */
  readonly connection: string;
  /** The connection as people read it. */
  readonly label: string;
  /**
   * The engine flows whose records were merged into this one, the kept one first (replay reports
   * only: a payload carries no cookie).
   */
  readonly flows?: readonly number[];
  readonly lastTcpClosed: number;
  /** errno → count, as shipped (`{}` when none). */
  readonly failures: Readonly<Record<string, number>>;
  /** The sum of `failures`: what the backend adds to its failure total. */
  readonly failureCount: number;
  /** The byte counts as the totals count them: 0 for a counter that wrapped (`underflows`). */
  readonly lastBytesSent: number;
  readonly lastBytesReceived: number;
  /** Where it was read: `file:line` or `file#index`. */
  readonly source: string;
  /** The uint64 counters it shipped wrapped, as shipped (payloads only); absent when none. */
  readonly underflows?: readonly Underflow[];
}

/** One poll: one payload. */
export interface HistoryPoll {
  readonly poll: number;
  readonly client: string;
  readonly source: string;
  readonly records: readonly HistoryRecord[];
}

/** The whole history, in the order the polls happened. */
export interface History {
  readonly files: readonly string[];
  readonly polls: readonly HistoryPoll[];
}

/**
 * The backend's count for a failure map: the sum of its values.
 *
 * @example
 * failureCount({ '104': 1, '110': 2 }) //=> 3
 */
export const failureCount = (f: Readonly<Record<string, number>>): number =>
  Object.values(f).reduce((sum, n) => sum + n, 0);
