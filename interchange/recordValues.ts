/**
 * Agent records as ITF values: a failure map (errno → count, `#map`), a record the drain holds
 * (docs/environment.md "The asynchronous closed-flow drain"), and a shipped record with its tuple
 * and the flows the aggregator merged into it (`parts`, the kept one first: "4-tuple reuse").
 * Leaves out: `Monotonic` and `Last` beyond the fields the backend and the drain's race turn on.
 */
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import { tupleNumber } from '../engine/agent/flowToConnStat.js';
import type { ShippedPart, ShippedRecord } from '../engine/EngineState.js';
import type { ItfValue } from './itf.js';
import { bigint, itfMap, recordType } from './itf.js';

/** A failure map's type: errno → count. */
const FAILURES_TYPE = 'Int -> Int';

/** errno → count. */
const failuresValue = (f: Readonly<Record<string, number>>): ItfValue =>
  itfMap(Object.entries(f).map(([errno, n]) => [bigint(Number(errno)), bigint(n)] as const));

/**
 * A record `GET_CLOSED_FLOWS` returned to the drain, not yet stored.
 *
 * @example
 * heldValue(record).cookie //=> { '#bigint': '1' }
 */
export const heldValue = (r: ConnectionStats): ItfValue => ({
  cookie: bigint(r.cookie),
  tuple: bigint(tupleNumber(r)),
  tcpClosed: bigint(r.monotonic.tcpClosed),
  tcpFailures: failuresValue(r.tcpFailures),
  sentBytes: bigint(r.monotonic.sentBytes),
});

/** The Apalache type of `heldValue`. */
export const HELD_TYPE = recordType({
  cookie: 'Int',
  tuple: 'Int',
  tcpClosed: 'Int',
  tcpFailures: FAILURES_TYPE,
  sentBytes: 'Int',
});

const PART_TYPE = recordType({
  flow: 'Int',
  lastTCPClosed: 'Int',
  rawFailures: FAILURES_TYPE,
  failures: FAILURES_TYPE,
});

const partValue = (p: ShippedPart): ItfValue => ({
  flow: bigint(p.flow),
  lastTCPClosed: bigint(p.lastTCPClosed),
  rawFailures: failuresValue(p.rawFailures),
  failures: failuresValue(p.failures),
});

/**
 * A record a poll shipped: the payload's fields, its tuple (the backend's key) and its parts.
 *
 * @example
 * shippedValue(record).tuple //=> { '#bigint': '1' }
 */
export const shippedValue = (r: ShippedRecord): ItfValue => ({
  cookie: bigint(r.cookie),
  tuple: bigint(r.tuple),
  lastTCPClosed: bigint(r.lastTCPClosed),
  tcpFailures: failuresValue(r.tcpFailures),
  lastSentBytes: bigint(r.lastSentBytes),
  lastRecvBytes: bigint(r.lastRecvBytes),
  parts: r.parts.map(partValue),
});

/** The Apalache type of `shippedValue`. */
export const SHIPPED_TYPE = recordType({
  cookie: 'Int',
  tuple: 'Int',
  lastTCPClosed: 'Int',
  tcpFailures: FAILURES_TYPE,
  lastSentBytes: 'Int',
  lastRecvBytes: 'Int',
  parts: `Seq(${PART_TYPE})`,
});
