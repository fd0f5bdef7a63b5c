/**
 * A small seeded pseudo-random generator for the PCT scheduler (splitmix32): the same seed gives
 * the same numbers on every machine. No `Math.random` anywhere in the search, so a run is
 * replayed from its seed and index alone.
 */

/** A stream of pseudo-random numbers. */
export interface Prng {
  /** A float in `[0, 1)`. */
  readonly next: () => number;
  /** An integer in `[0, n)`; `n` must be a positive integer. */
  readonly int: (n: number) => number;
}

// splitmix32's mixing function: a bijection on 32-bit integers with good avalanche.
const mix = (x: number): number => {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
};

/**
 * One 32-bit seed from several integers (a seed and a run index), so that run `i` of seed `s`
 * has a stream of its own, independent of the runs before it.
 *
 * @example
 * seedOf(1, 0) === seedOf(1, 0) //=> true
 * seedOf(1, 0) === seedOf(1, 1) //=> false
 */
export const seedOf = (...parts: readonly number[]): number =>
  parts.reduce<number>((h, p) => mix((h ^ mix(p | 0)) + 0x9e3779b9), 0x2545f491);

/**
 * A generator seeded with `seed`.
 *
 * @example
 * prng(7).int(10) === prng(7).int(10) //=> true
 */
export function prng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix(state) / 2 ** 32;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}
