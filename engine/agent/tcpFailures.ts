/**
 * `TCPFailures`: errno → count (map[uint16]uint32 in pkg/network/event_common.go). It is not part
 * of the counters: no baseline, no delta, and the shipping filter ignores it.
 */

/** An errno → count map; keys are decimal errno strings so it is also its JSON form. */
export type TCPFailures = Readonly<Record<string, number>>;

/** ECONNRESET, which Windows reports for RecvRst and SentRst. */
export const ECONNRESET = 104;

/** No failure. */
export const NO_FAILURES: TCPFailures = Object.freeze({});

/** True when the map has no entry (`len(TCPFailures) == 0`). */
export const hasFailures = (f: TCPFailures): boolean => Object.keys(f).length > 0;

/**
 * The number of failures the backend counts for a record: the sum of the map's values.
 *
 * @example
 * totalFailures({ '104': 1, '110': 2 }) //=> 3
 */
export const totalFailures = (f: TCPFailures): number =>
  Object.values(f).reduce((sum, n) => sum + n, 0);

/**
 * `cur - prev` per errno, keeping only positive counts (the failures-delta design's rule).
 *
 * @example
 * subFailures({ '104': 1 }, { '104': 1 }) //=> {}
 */
export function subFailures(cur: TCPFailures, prev: TCPFailures): TCPFailures {
  const out: Record<string, number> = {};
  for (const [errno, n] of Object.entries(cur)) {
    const d = n - (prev[errno] ?? 0);
    if (d > 0) out[errno] = d;
  }
  return out;
}

/**
 * The sum of two maps, errno by errno.
 *
 * @example
 * addFailures({ '104': 1 }, { '104': 1, '110': 1 }) //=> { '104': 2, '110': 1 }
 */
export function addFailures(a: TCPFailures, b: TCPFailures): TCPFailures {
  if (!hasFailures(b)) return a;
  const out: Record<string, number> = { ...a };
  for (const [errno, n] of Object.entries(b)) out[errno] = (out[errno] ?? 0) + n;
  return out;
}

/** Equal maps (same errnos, same counts). */
export const sameFailures = (a: TCPFailures, b: TCPFailures): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([errno, n]) => b[errno] === n);
