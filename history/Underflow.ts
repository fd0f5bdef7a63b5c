/**
 * A uint64 `Last` counter the agent shipped wrapped: `cur − prev` computed in uint64 with
 * cur < prev comes out as 2^64 − (prev − cur), a value of 2^63 or more (negative as an int64).
 * datadog-agent `StatCounters.Sub` (`pkg/network/event_common_linux.go`,
 * `event_common_notlinux.go`) calls such a difference an underflow when it is past
 * `maxByteCountChange` (375 GiB; `isUnderflow` in `pkg/network/event_common.go`), and
 * `updateConnWithStats` (`pkg/network/state.go`) then takes the field-wise maximum and subtracts
 * again, shipping 0 for that counter. A wrapped value in a payload means that guard was missing
 * or bypassed (older `Sub`s subtracted the byte counts unguarded). The audit counts it as 0
 * toward the totals and reports it (history/claims/NoUnderflowLeak.ts).
 */
import type { PayloadConnection } from './AgentPayload.js';

/** One wrapped counter of a record. */
export interface Underflow {
  /** The payload field: `lastBytesSent` or `lastBytesReceived`. */
  readonly field: string;
  /** Its value as shipped: a decimal string from 2^63 to 2^64 − 1. */
  readonly value: string;
  /** The difference it stands for, value − 2^64: a negative decimal string. */
  readonly difference: string;
}

/** The uint64 `last*` counters the audit reads. */
const UINT64_FIELDS = ['lastBytesSent', 'lastBytesReceived'] as const;

/**
 * The counter as the totals count it: its value, or 0 when it wrapped (read as a bigint,
 * history/counts.ts).
 *
 * @example
 * counted(18446744073709551615n) //=> 0
 */
export const counted = (v: number | bigint): number => (typeof v === 'bigint' ? 0 : v);

/**
 * The wrapped counters of a connection, or null when none wrapped (the common case: no array).
 *
 * @example
 * underflowsOf({ lastBytesSent: 18446744073709551615n, lastBytesReceived: 7 })
 * //=> [{ field: 'lastBytesSent', value: '18446744073709551615', difference: '-1' }]
 */
export function underflowsOf(
  c: Pick<PayloadConnection, (typeof UINT64_FIELDS)[number]>,
): readonly Underflow[] | null {
  if (typeof c.lastBytesSent !== 'bigint' && typeof c.lastBytesReceived !== 'bigint') return null;
  return UINT64_FIELDS.flatMap((field) => {
    const v = c[field];
    return typeof v === 'bigint'
      ? [{ field, value: String(v), difference: String(v - 2n ** 64n) }]
      : [];
  });
}
