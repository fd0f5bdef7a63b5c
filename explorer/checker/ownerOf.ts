/**
 * Which worker of a parallel search owns a state: a hash of its key's words, so that every worker
 * sends a state to the same owner whoever reached it.
 *
 * Leaves out: balancing by anything but the hash.
 */

/**
 * The owner, from 0 to `workers − 1`, of the key of `words` words at `offset` of `keys`.
 *
 * @example
 * ownerOf(new Uint32Array([5, 7]), 0, 2, 1) //=> 0
 */
export function ownerOf(keys: Uint32Array, offset: number, words: number, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ (keys[offset + i] as number), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % workers;
}
