/**
 * Symmetry reduction: tuple groups of equal size are interchangeable (the engine and every
 * invariant treat flow numbers alike, and the environment deals them alike), so a state is the
 * multiset of its groups' local states (each knows its size); sorting the local-state numbers
 * picks one representative per permutation class. Also the content fingerprint of a state, which
 * shards exchange: it hashes what the states are, not the numbers one run gave them.
 *
 * Leaves out: the flows within a group (GroupTables.ts orders them).
 */

/**
 * Sorts `a[0..n)` in place (insertion sort: `n` is at most a handful).
 *
 * @example
 * const a = Int32Array.of(4, 1, 3); sortLocals(a, 3); a //=> [1, 3, 4]
 */
export function sortLocals(a: Int32Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * A 64-bit hash of a string as two 32-bit halves (cyrb53's mixing, both halves kept).
 *
 * @example
 * hashText('abc') //=> [hi, lo], the same on every run and machine
 */
export function hashText(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * The fingerprint of a state from its parts' content hashes: the shared part's, then the flows'
 * (sorted under symmetry, in flow order without). Written into `out[offset]`, `out[offset + 1]`.
 */
export function fingerprint(
  globalHash: readonly [number, number],
  localHashes: readonly (readonly [number, number])[],
  symmetry: boolean,
  out: Uint32Array,
  offset: number,
): void {
  const parts = symmetry
    ? [...localHashes].sort((a, b) => a[0] - b[0] || a[1] - b[1])
    : localHashes;
  let h1 = globalHash[0] ^ 0x9e3779b9;
  let h2 = globalHash[1] ^ 0x85ebca6b;
  for (const [a, b] of parts) {
    h1 = Math.imul(h1 ^ a, 2654435761) ^ (h2 >>> 15);
    h2 = Math.imul(h2 ^ b, 1597334677) ^ (h1 >>> 13);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[offset] = h1 >>> 0;
  out[offset + 1] = h2 >>> 0;
}
