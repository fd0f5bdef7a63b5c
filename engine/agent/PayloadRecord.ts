/**
 * One connection as the encoder writes it into the payload
 * (`pkg/network/encoding/marshal/format.go`): `lastTcpClosed = Last.TCPClosed`,
 * `tcpFailuresByErrCode` as the design's encoder decides, and the byte deltas. The field names are
 * the replay report's (docs/formats.md#replay-report).
 */
import type { AgentVariant } from './AgentVariant.js';
import type { ConnectionStats } from './ConnectionStats.js';
import { tupleNumber } from './flowToConnStat.js';
import type { TCPFailures } from './tcpFailures.js';

/** A shipped connection. */
export interface PayloadRecord {
  /** The flow of the (first) record, its cookie. */
  readonly flow: number;
  readonly cookie: number;
  /** The connection as the backend knows it: its tuple (the payload carries no cookie). */
  readonly tuple: number;
  readonly lastTCPClosed: number;
  readonly lastTCPEstablished: number;
  readonly tcpFailures: TCPFailures;
  readonly lastSentBytes: number;
  readonly lastRecvBytes: number;
}

/**
 * Encodes a record that passed the filter.
 *
 * @example
 * encodeConnection(record, prefix).tcpFailures //=> record.tcpFailures
 */
export const encodeConnection = (c: ConnectionStats, variant: AgentVariant): PayloadRecord => ({
  flow: c.cookie,
  cookie: c.cookie,
  tuple: tupleNumber(c),
  lastTCPClosed: c.last.tcpClosed,
  lastTCPEstablished: c.last.tcpEstablished,
  tcpFailures: variant.encodeFailures(c),
  lastSentBytes: c.last.sentBytes,
  lastRecvBytes: c.last.recvBytes,
});
