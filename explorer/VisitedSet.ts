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
  private index: Int32Array;
  private mask: number;

  constructor(readonly words: number) {
    this.keys = new Uint32Array(1024 * words);
    this.parents = new Int32Array(1024);
    this.sleep = new Uint32Array(1024);
    this.index = new Int32Array(2048);
    this.mask = 2047;
  }

  private hash(key: Uint32Array, offset: number): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < this.words; i++) {
      h = Math.imul(h ^ (key[offset + i] as number), 0x01000193);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    return (h ^ (h >>> 13)) >>> 0;
  }

  private equalAt(id: number, key: Uint32Array): boolean {
    const base = id * this.words;
    for (let i = 0; i < this.words; i++) if (this.keys[base + i] !== key[i]) return false;
    return true;
  }

  /** The id of `key`, or -1. */
  find(key: Uint32Array): number {
    let slot = this.hash(key, 0) & this.mask;
    for (;;) {
      const e = this.index[slot] as number;
      if (e === 0) return -1;
      if (this.equalAt(e - 1, key)) return e - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds `key` reached from `parent`: returns its new id, or `-(id + 1)` when it was already there.
   */
  add(key: Uint32Array, parent: number): number {
    let slot = this.hash(key, 0) & this.mask;
    for (;;) {
      const e = this.index[slot] as number;
      if (e === 0) break;
      if (this.equalAt(e - 1, key)) return -e;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.parents.length) this.growStore();
    this.keys.set(key.subarray(0, this.words), id * this.words);
    this.parents[id] = parent;
    this.index[slot] = id + 1;
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
    const size = (this.mask + 1) * 2;
    this.index = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hash(this.keys, id * this.words) & this.mask;
      while (this.index[slot] !== 0) slot = (slot + 1) & this.mask;
      this.index[slot] = id + 1;
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
