/**
 * The search's store: every distinct state's packed key in discovery order (so the breadth-first
 * queue is just the numbers from the head to the end), its parent for trace reconstruction, its
 * sleep set for partial-order reduction, and an open-addressing hash index over the keys. A class,
 * since this is mutable state the search hides.
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
  /** Open addressing: slot i holds `id + 1` at 2i (0: empty) and the key's hash at 2i + 1. */
  private index: Int32Array;
  private mask: number;

  constructor(readonly words: number) {
    this.keys = new Uint32Array(1024 * words);
    this.parents = new Int32Array(1024);
    this.sleep = new Uint32Array(1024);
    this.index = new Int32Array(2 * 2048);
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

  private equalAt(id: number, key: Uint32Array): boolean {
    const base = id * this.words;
    for (let i = 0; i < this.words; i++) if (this.keys[base + i] !== key[i]) return false;
    return true;
  }

  /** The id of `key`, or -1. */
  find(key: Uint32Array): number {
    const h = this.hash(key, 0);
    let slot = h & this.mask;
    for (;;) {
      const e = this.index[2 * slot] as number;
      if (e === 0) return -1;
      if (this.index[2 * slot + 1] === h && this.equalAt(e - 1, key)) return e - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds `key` reached from `parent`: returns its new id, or `-(id + 1)` when it was already there.
   */
  add(key: Uint32Array, parent: number): number {
    const h = this.hash(key, 0);
    let slot = h & this.mask;
    for (;;) {
      const e = this.index[2 * slot] as number;
      if (e === 0) break;
      if (this.index[2 * slot + 1] === h && this.equalAt(e - 1, key)) return -e;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.parents.length) this.growStore();
    this.keys.set(key.subarray(0, this.words), id * this.words);
    this.parents[id] = parent;
    this.index[2 * slot] = id + 1;
    this.index[2 * slot + 1] = h;
    if (this.size * 2 > this.mask) this.growIndex();
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

  private growIndex(): void {
    const old = this.index;
    const size = (this.mask + 1) * 2;
    this.index = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      const e = old[i] as number;
      if (e === 0) continue;
      const h = old[i + 1] as number;
      let slot = h & this.mask;
      while (this.index[2 * slot] !== 0) slot = (slot + 1) & this.mask;
      this.index[2 * slot] = e;
      this.index[2 * slot + 1] = h;
    }
  }

  /** The key of state `id`. */
  keyOf(id: number): Uint32Array {
    return this.keys.slice(id * this.words, (id + 1) * this.words);
  }

  /** Bytes held by the store and its index. */
  get bytes(): number {
    return this.keys.byteLength + this.parents.byteLength + this.sleep.byteLength + this.index.byteLength;
  }
}
