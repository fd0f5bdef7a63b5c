/**
 * `ConnectionStats` reduced to what the delta logic reads (pkg/network/event_common.go): the
 * cookie, the tuple (compared only for equality), `Monotonic`, `Last`, `TCPFailures` and
 * `LastUpdateEpoch`.
 *
 * Leaves out: addresses and ports as such, direction, DNS/USM, RTT, NAT, containers; the tuple is
 * an opaque string.
 */
import type { StatCounters } from './statCounters.js';
import { ZERO_COUNTERS } from './statCounters.js';
import type { TCPFailures } from './tcpFailures.js';
import { hasFailures, NO_FAILURES } from './tcpFailures.js';

/** A connection's cookie (`StatCookie`); on Windows the flow's cookie. */
export type Cookie = number & { readonly __brand: 'Cookie' };

/** Brands a non-negative integer as a cookie. */
export function cookie(n: number): Cookie {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`cookie must be a non-negative integer, got ${n}`);
  return n as Cookie;
}

/** One connection record. */
export interface ConnectionStats {
  readonly cookie: Cookie;
  /** `ConnectionTuple`, compared for equality only (collisions, aggregation). */
  readonly tuple: string;
  readonly monotonic: StatCounters;
  readonly last: StatCounters;
  readonly tcpFailures: TCPFailures;
  readonly lastUpdateEpoch: number;
}

/**
 * A record with defaults for what a test leaves out (tuple `t<cookie>`, zero counters, no
 * failures, epoch 0).
 */
export const connection = (
  c: Partial<ConnectionStats> & { readonly cookie: Cookie },
): ConnectionStats => ({
  tuple: `t${c.cookie}`,
  monotonic: ZERO_COUNTERS,
  last: ZERO_COUNTERS,
  tcpFailures: NO_FAILURES,
  lastUpdateEpoch: 0,
  ...c,
});

/**
 * `IsEmpty`: no bytes, packets or retransmits in `Monotonic`, and no failures. It ignores
 * `TCPEstablished` and `TCPClosed` (a TODO in the Go source asks why).
 */
export const isEmpty = (c: ConnectionStats): boolean =>
  c.monotonic.sentBytes === 0 &&
  c.monotonic.recvBytes === 0 &&
  c.monotonic.sentPackets === 0 &&
  c.monotonic.recvPackets === 0 &&
  c.monotonic.retransmits === 0 &&
  !hasFailures(c.tcpFailures);
