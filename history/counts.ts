/**
 * The integer fields of a recorded history, each checked against its own range before it is
 * checked for being whole, so that 1e308 or 2^53 + 1 is refused naming the field's real limit
 * (a uint32 count, an int32 pid, a port) rather than the 2^53 − 1 of every double. Types are
 * DataDog/agent-payload `proto/process/connections.proto`'s: `int32 pid`, `int32 port` (a port
 * is 0–65535 on the wire), `uint32 netNS`, `uint32 lastTcpClosed`, `map<uint32, uint32>
 * tcpFailuresByErrCode`, `uint64 lastBytesSent`, `uint64 lastBytesReceived`.
 */
import { z } from 'zod';

const UINT32_MAX = 2 ** 32 - 1;

/** An integer in [min, max]: the range first, so a huge number is told the range. */
export const intIn = (min: number, max: number) => z.number().min(min).max(max).int();

/** A uint32 (counts, netNS, errno values). */
export const uint32 = intIn(0, UINT32_MAX);

/** An int32 (pid, enum numbers). */
export const int32 = intIn(-(2 ** 31), 2 ** 31 - 1);

const UINT64_MAX = 2n ** 64n - 1n;

/**
 * The smallest wrapped value: a uint64 from 2^63 up is negative as an int64, a difference
 * `cur − prev` taken with cur < prev that went round to 2^64 − k (datadog-agent
 * `pkg/network/event_common_linux.go` and `event_common_notlinux.go`, `StatCounters.Sub`: the
 * `isUnderflow` guard that keeps it from shipping).
 */
const WRAPPED_FROM = 2n ** 63n;

/** What a uint64 may be, for messages. */
const UINT64_RANGE =
  'a uint64: a decimal string (or a number) from 0 to 18446744073709551615 (2^64 − 1)';

/** The uint64 rule, for the generated JSON Schema (docs/schemas/agent-payload.schema.json). */
const UINT64_DESCRIPTION =
  'uint64, 0 to 18446744073709551615: below 2^53 a count; from 2^63 a difference that wrapped below zero (a NoUnderflowLeak finding, counted as 0); 2^53 to 2^63 - 1 refused';

/** What a counted (not wrapped) uint64 may be, for messages: its totals are exact doubles. */
const COUNT_RANGE = 'a count below 2^53, or a wrapped one of 2^63 or more';

/**
 * A uint64 as jsonpb writes it (a decimal string), or a plain number, read exactly: a count below
 * 2^53 as a number, a wrapped value (2^63 to 2^64 − 1: the agent's underflow of a counter,
 * history/Underflow.ts) as a bigint. Anything else is refused: past 2^64 − 1, negative or not
 * decimal, naming the uint64 range; from 2^53 to 2^63 − 1, as more than a total may hold. A JSON
 * number past 2^53 − 1 is read as the double the parser made of it.
 */
export const uint64 = z
  .union([
    z.string().regex(/^\d+$/, UINT64_RANGE),
    // Not `.int()`, which stops at 2^53; the refine's JSON Schema given by hand (a double below
    // 2^64 is at most 2^64 − 2048, so 2^64 − 1 as a number reads as 2^64 and is refused).
    z
      .number()
      .refine((n) => Number.isInteger(n) && n >= 0, UINT64_RANGE)
      .meta({ type: 'integer', minimum: 0, exclusiveMaximum: 2 ** 64 }),
  ])
  .meta({ description: UINT64_DESCRIPTION })
  .transform((v, ctx): number | bigint => {
    // The common case, without a bigint: at most 15 digits is below 2^53.
    if (typeof v === 'string' && v.length <= 15) return Number(v);
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    // Leading zeros cut first; more than 20 digits is past 2^64 − 1 before BigInt reads them.
    const digits = typeof v === 'string' ? v.replace(/^0+(?=\d)/, '') : '';
    const n = digits.length > 20 ? UINT64_MAX + 1n : BigInt(typeof v === 'string' ? digits : v);
    if (n > UINT64_MAX) ctx.addIssue({ code: 'custom', message: UINT64_RANGE });
    else if (n >= WRAPPED_FROM) return n;
    else if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(n);
    else ctx.addIssue({ code: 'custom', message: COUNT_RANGE });
    return z.NEVER;
  });

/** What an errno key may be, for messages. */
export const ERRNO_KEYS = 'errno keys that are decimal integers from 0 to 4294967295';

/** A `map<uint32, uint32>` key: canonical decimal, within uint32. */
const isErrnoKey = (k: string): boolean => /^(0|[1-9]\d{0,9})$/.test(k) && Number(k) <= UINT32_MAX;

/** errno → count, as jsonpb writes `map<uint32, uint32>`. */
export const errnoMap = z.record(
  z
    .string()
    .regex(/^(0|[1-9]\d{0,9})$/, ERRNO_KEYS)
    .refine(isErrnoKey, ERRNO_KEYS),
  uint32,
);

/**
 * The first own key of a failure map that is no errno, or undefined. Checked on the parsed JSON
 * before zod: zod's record skips a `__proto__` key, so a count under it would vanish unseen.
 *
 * @example
 * badErrnoKey(JSON.parse('{"104": 1, "__proto__": 2}')) //=> '__proto__'
 */
export function badErrnoKey(map: unknown): string | undefined {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  return Object.keys(map).find((k) => !isErrnoKey(k));
}
