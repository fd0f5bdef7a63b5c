/**
 * The integer fields of a recorded history, each checked against its own range before it is
 * checked for being whole, so that 1e308 or 2^53 + 1 is refused naming the field's real limit
 * (a uint32 count, an int32 pid, a port) rather than the 2^53 − 1 of every double. Types are
 * DataDog/agent-payload `proto/process/connections.proto`'s: `int32 pid`, `int32 port` (a port
 * is 0–65535 on the wire), `uint32 netNS`, `uint32 lastTcpClosed`, `map<uint32, uint32>
 * tcpFailuresByErrCode`, `uint64 lastBytesSent`.
 */
import { z } from 'zod';

const UINT32_MAX = 2 ** 32 - 1;

/** An integer in [min, max]: the range first, so a huge number is told the range. */
export const intIn = (min: number, max: number) => z.number().min(min).max(max).int();

/** A uint32 (counts, netNS, errno values). */
export const uint32 = intIn(0, UINT32_MAX);

/** An int32 (pid, enum numbers). */
export const int32 = intIn(-(2 ** 31), 2 ** 31 - 1);

/**
 * A uint64 as jsonpb writes it (a decimal string), or a plain number, below 2^53: a byte count in
 * a double. ("18446744073709551615" is refused here: it is the agent's underflow of a counter.)
 */
export const uint64 = z
  .union([z.string().regex(/^\d+$/, 'a decimal string'), z.number().int().min(0)])
  .transform(Number)
  .refine(Number.isSafeInteger, 'a count below 2^53');

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
