/**
 * The search's store: every distinct state's packed key in discovery order (so the breadth-first
 * queue is just the numbers from the head to the end), its parent for trace reconstruction, its
 * sleep set for partial-order reduction, and an open-addressing hash table holding the keys again
 * (a lookup then touches one cache line). A class, since this is mutable state the search hides.
 *
 * Leaves out: fingerprint-only storage (TLC's): keys are stored whole, so no two states are ever
 * confused.
 */

/**
 * Distinct packed keys of `words` 32-bit words each.
 *
 * @example
 * const v = new VisitedSet(2); v.add(Uint32Array.of(1, 2), -1) //=> 0 (new); again //=> -1 (seen: id 0)
 */
export class VisitedSet {
  /** Keys, `words` per state, in discovery order. */
  keys: Uint32Array;
  /** The state each was first reached from (-1 for the start). */
  parents: Int32Array;
  /** Sleep sets: bit k is move k of the state's move list. */
  sleep: Uint32Array;
  /** Distinct states stored. */
  size = 0;
  /**
   * Open addressing with the key in the slot, so that a probe reads one cache line: slot i holds
   * the key's words, then `id + 1` (0: empty).
   */
  private table: Uint32Array;
  private mask: number;
  private readonly stride: number;

  constructor(readonly words: number) {
    this.stride = words + 1;
    this.keys = new Uint32Array(1024 * words);
    this.parents = new Int32Array(1024);
    this.sleep = new Uint32Array(1024);
    this.table = new Uint32Array(2048 * this.stride);
    this.mask = 2047;
  }

  // murmur3's mixing of each word and its finaliser.
  private hash(key: Uint32Array, offset: number): number {
    let h = 0x9747b28c;
    for (let i = 0; i < this.words; i++) {
      let k = Math.imul(key[offset + i] as number, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h ^= k;
      h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: Uint32Array): number {
    const { words, stride, table } = this;
    let slot = this.hash(key, 0) & this.mask;
    for (;;) {
      const base = slot * stride;
      if (table[base + words] === 0) return slot;
      let i = 0;
      while (i < words && table[base + i] === key[i]) i++;
      if (i === words) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds `key` reached from `parent`: returns its new id, or `-(id + 1)` when it was already there.
   */
  add(key: Uint32Array, parent: number): number {
    const slot = this.slotOf(key);
    const base = slot * this.stride;
    const e = this.table[base + this.words] as number;
    if (e !== 0) return -e;
    const id = this.size++;
    if (id >= this.parents.length) this.growStore();
    for (let i = 0; i < this.words; i++) {
      this.table[base + i] = key[i] as number;
      this.keys[id * this.words + i] = key[i] as number;
    }
    this.table[base + this.words] = id + 1;
    this.parents[id] = parent;
    if (this.size * 2 > this.mask) this.growTable();
    return id;
  }

  private growStore(): void {
    const n = this.parents.length * 2;
    const keys = new Uint32Array(n * this.words);
    keys.set(this.keys);
    this.keys = keys;
    const parents = new Int32Array(n);
    parents.set(this.parents);
    this.parents = parents;
    const sleep = new Uint32Array(n);
    sleep.set(this.sleep);
    this.sleep = sleep;
  }

  private growTable(): void {
    const { words, stride } = this;
    const old = this.table;
    const size = (this.mask + 1) * 2;
    this.table = new Uint32Array(size * stride);
    this.mask = size - 1;
    for (let b = 0; b < old.length; b += stride) {
      if (old[b + words] === 0) continue;
      let slot = this.hash(old, b) & this.mask;
      while (this.table[slot * stride + words] !== 0) slot = (slot + 1) & this.mask;
      this.table.set(old.subarray(b, b + stride), slot * stride);
    }
  }

  /** The key of state `id`. */
  keyOf(id: number): Uint32Array {
    return this.keys.slice(id * this.words, (id + 1) * this.words);
  }

  /** Bytes held by the store and its table. */
  get bytes(): number {
    return (
      this.keys.byteLength + this.parents.byteLength + this.sleep.byteLength + this.table.byteLength
    );
  }
}
