/**
 * `StatCounters`, the per-connection counters the agent deltas (pkg/network/event_common.go), with
 * `Add`, `Max`, `IsZero` and the non-Linux `Sub` (event_common_notlinux.go), underflow rule
 * included.
 *
 * Leaves out: the Linux-only TCP congestion counters, and 64-bit wrap-around: byte counts here stay
 * far below 2^53, so a decrease is always an underflow, never a wrap (`isUnderflow` with
 * `maxByteCountChange` would say the same).
 */

/** The monotonic counters of a connection, or a delta of them (`Last`). */
export interface StatCounters {
  readonly sentBytes: number;
  readonly recvBytes: number;
  readonly sentPackets: number;
  readonly recvPackets: number;
  readonly retransmits: number;
  readonly tcpEstablished: number;
  readonly tcpClosed: number;
}

/** The field names of {@link StatCounters}, in Go's order. */
export const COUNTER_FIELDS = [
  'sentBytes',
  'recvBytes',
  'sentPackets',
  'recvPackets',
  'retransmits',
  'tcpEstablished',
  'tcpClosed',
] as const satisfies readonly (keyof StatCounters)[];

/** All zero (`StatCounters{}`). */
export const ZERO_COUNTERS: StatCounters = {
  sentBytes: 0,
  recvBytes: 0,
  sentPackets: 0,
  recvPackets: 0,
  retransmits: 0,
  tcpEstablished: 0,
  tcpClosed: 0,
};

/** Counters from a partial record, the rest zero. */
export const counters = (partial: Partial<StatCounters> = {}): StatCounters => ({
  ...ZERO_COUNTERS,
  ...partial,
});

const map2 = (a: StatCounters, b: StatCounters, f: (x: number, y: number) => number) =>
  ({
    sentBytes: f(a.sentBytes, b.sentBytes),
    recvBytes: f(a.recvBytes, b.recvBytes),
    sentPackets: f(a.sentPackets, b.sentPackets),
    recvPackets: f(a.recvPackets, b.recvPackets),
    retransmits: f(a.retransmits, b.retransmits),
    tcpEstablished: f(a.tcpEstablished, b.tcpEstablished),
    tcpClosed: f(a.tcpClosed, b.tcpClosed),
  }) satisfies StatCounters;

/**
 * `IsZero`: every field is 0. This is the shipping filter's test: it never looks at `TCPFailures`.
 *
 * @example
 * isZero(counters({ sentBytes: 1 })) //=> false
 */
export const isZero = (c: StatCounters): boolean => COUNTER_FIELDS.every((field) => c[field] === 0);

/** `Add`: field by field. */
export const addCounters = (a: StatCounters, b: StatCounters): StatCounters =>
  map2(a, b, (x, y) => x + y);

/** `Max`: the field-wise maximum. */
export const maxCounters = (a: StatCounters, b: StatCounters): StatCounters => map2(a, b, Math.max);

/** The result of {@link subCounters}. */
export interface Subtraction {
  readonly delta: StatCounters;
  readonly underflow: boolean;
}

// Retransmits, TCPEstablished and TCPClosed: `cur - prev` only when `cur > 0`, else 0; a decrease
// to a non-zero value is an underflow, a drop to 0 is not (event_common_notlinux.go `Sub`).
const gauge = (cur: number, prev: number) => ({
  value: cur > 0 ? cur - prev : 0,
  underflow: cur < prev && cur > 0,
});

/**
 * `Sub(cur, prev)`: the delta and whether any field went backwards.
 *
 * @remarks
 * Mirrors `StatCounters.Sub` in pkg/network/event_common_notlinux.go. Bytes and packets underflow
 * on any decrease; the three small counters follow the `cur > 0` rule.
 *
 * @example
 * subCounters(counters({ tcpClosed: 0 }), counters({ tcpClosed: 1 }))
 * //=> { delta: ZERO_COUNTERS, underflow: false }
 */
export function subCounters(cur: StatCounters, prev: StatCounters): Subtraction {
  const retransmits = gauge(cur.retransmits, prev.retransmits);
  const established = gauge(cur.tcpEstablished, prev.tcpEstablished);
  const closed = gauge(cur.tcpClosed, prev.tcpClosed);
  const underflow =
    cur.sentBytes < prev.sentBytes ||
    cur.recvBytes < prev.recvBytes ||
    cur.sentPackets < prev.sentPackets ||
    cur.recvPackets < prev.recvPackets ||
    retransmits.underflow ||
    established.underflow ||
    closed.underflow;
  return {
    delta: {
      sentBytes: cur.sentBytes - prev.sentBytes,
      recvBytes: cur.recvBytes - prev.recvBytes,
      sentPackets: cur.sentPackets - prev.sentPackets,
      recvPackets: cur.recvPackets - prev.recvPackets,
      retransmits: retransmits.value,
      tcpEstablished: established.value,
      tcpClosed: closed.value,
    },
    underflow,
  };
}
