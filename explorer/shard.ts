/**
 * How a split search divides the work with no communication between shards. A flow's end (reset
 * or fin) is written once and never changes, so the number of flows that end by a reset in a
 * final state is fixed by every state on the way: a state whose ended flows include r resets and
 * u flows still open can only lead to final states with r to r + u resets. Each shard owns some of
 * these end profiles (0 to N resets) and expands only the states that can still reach one of
 * them; the states before the flows end are expanded by every shard that can use them (the
 * overlap), the rest by exactly one. Profiles are dealt to the shards heaviest first, weighing a
 * profile of R resets as C(N, R)·3^R (a reset flow has more states after its end: its failure is
 * shipped and re-shipped).
 *
 * Leaves out: more shards than profiles (N + 1); the search then splits the first level with at
 * least 4 states per shard by state fingerprint instead, as a swarm run would, and shards repeat
 * much more of each other's work.
 */

const binomial = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};

/**
 * The numbers of resets (end profiles) shard `index` of `count` owns for `flows` flows, or null
 * when there are more shards than profiles.
 *
 * @example
 * ownedProfiles(3, 2, 1) //=> [3, 1]  (weights 1, 9, 27, 27 for 0–3 resets, heaviest first)
 * ownedProfiles(3, 2, 2) //=> [2, 0]
 */
export function ownedProfiles(
  flows: number,
  count: number,
  index: number,
): readonly number[] | null {
  if (count > flows + 1) return null;
  const weight = (r: number) => binomial(flows, r) * 3 ** r;
  const order = Array.from({ length: flows + 1 }, (_, r) => r).sort(
    (a, b) => weight(b) - weight(a) || b - a,
  );
  const load = new Array<number>(count).fill(0);
  const owned: number[][] = Array.from({ length: count }, () => []);
  for (const r of order) {
    let best = 0;
    for (let k = 1; k < count; k++) if ((load[k] as number) < (load[best] as number)) best = k;
    load[best] = (load[best] as number) + weight(r);
    (owned[best] as number[]).push(r);
  }
  return owned[index - 1] ?? [];
}

/**
 * True when a state whose ended flows include `resets` resets, with `open` flows not yet ended,
 * can still reach a final state with one of the `owned` numbers of resets.
 *
 * @example
 * canReach([3], 1, 1) //=> false: at most 2 resets are left possible
 */
export const canReach = (owned: readonly number[], resets: number, open: number): boolean =>
  owned.some((r) => r >= resets && r <= resets + open);
