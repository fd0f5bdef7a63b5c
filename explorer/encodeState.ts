/**
 * The packed form of a state the search stores: word 0 is the shared state's number, then the
 * groups' local-state numbers, 16 bits each, two to a word (or, `wide`, a word each: groups of
 * several flows have far more local states). Equal states (after canonicalise.ts) have equal
 * words.
 *
 * Leaves out: what the numbers mean (LocalTables.ts interns them; they depend on the order the
 * search met the states, so packed keys are compared only within one run: shards exchange
 * content fingerprints instead, see canonicalise.ts).
 */

/** The largest local-state number a narrow key can hold. */
const MAX_LOCAL = 0xffff;

/**
 * Words per key for `groups` groups.
 *
 * @example
 * keyWords(3) //=> 3
 * keyWords(3, true) //=> 4
 */
export const keyWords = (groups: number, wide = false): number =>
  1 + (wide ? groups : Math.ceil(groups / 2));

/**
 * Writes shared state `g` and the local states `locals[0..n)` into `out` from `offset`.
 *
 * @example
 * const k = new Uint32Array(2); writeKey(k, 0, 5, [3, 4], 2); k //=> [5, 0x00040003]
 */
export function writeKey(
  out: Uint32Array,
  offset: number,
  g: number,
  locals: ArrayLike<number>,
  n: number,
  wide = false,
): void {
  out[offset] = g;
  if (wide) {
    for (let j = 0; j < n; j++) out[offset + 1 + j] = locals[j] as number;
    return;
  }
  for (let j = 0; j < n; j += 2) {
    const lo = locals[j] as number;
    const hi = j + 1 < n ? (locals[j + 1] as number) : 0;
    if (lo > MAX_LOCAL || hi > MAX_LOCAL) {
      throw new RangeError(`explorer: more than ${MAX_LOCAL + 1} local states; use smaller bounds`);
    }
    out[offset + 1 + (j >> 1)] = (lo | (hi << 16)) >>> 0;
  }
}

/** Reads the local states of the key at `offset` into `into`; returns the shared state. */
export function readKey(
  keys: Uint32Array,
  offset: number,
  n: number,
  into: Int32Array,
  wide = false,
): number {
  if (wide) {
    for (let j = 0; j < n; j++) into[j] = keys[offset + 1 + j] as number;
    return keys[offset] as number;
  }
  for (let j = 0; j < n; j++) {
    const w = keys[offset + 1 + (j >> 1)] as number;
    into[j] = j & 1 ? w >>> 16 : w & 0xffff;
  }
  return keys[offset] as number;
}
