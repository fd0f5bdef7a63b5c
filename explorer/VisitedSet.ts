/**
 * The search's store: every distinct state's packed key in discovery order (so the breadth-first
 * queue is just the numbers from the head to the end), its parent for trace reconstruction, its
 * sleep set for partial-order reduction, and an open-addressing hash table of state numbers. Each
 * key is stored once, in `keys`: a table slot holds the state's number and, in the bits the
 * number leaves free, the high bits of the key's hash, so a probe reads a key only when those
 * bits agree (almost only for the key itself). The arrays sit in resizable buffers and grow in
 * place, never held twice while copied. A class, since this is mutable state the search hides.
 *
 * Leaves out: fingerprint-only storage (TLC's): keys are stored whole, so no two states are ever
 * confused.
 */

/** Fill of the table beyond which it doubles (linear probing stays short below it). */
const MAX_LOAD = 0.75;
/** The most slots a table can have: a slot's number field must fit in 31 bits with the tag. */
const MAX_SLOTS = 2 ** 31;

/**
 * A hash of `words` words of `key` from `offset` (murmur3's mixing of each word and its
 * finaliser: the table's slot comes from the low bits and its tag from the high ones, so every
 * bit must depend on every word).
 *
 * @example
 * hashKey(Uint32Array.of(1, 2), 0, 2) //=> the same 32-bit number on every run
 */
export function hashKey(key: Uint32Array, offset: number, words: number): number {
  let h = 0x9747b28c;
  for (let i = 0; i < words; i++) {
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

/** ES2024's resizable ArrayBuffer, which Node has from 20 on (the project's lib is ES2022). */
interface Resizable {
  readonly resizable?: boolean;
  readonly maxByteLength?: number;
  resize?(bytes: number): void;
}

/** The most bytes a resizable buffer may grow to (V8's limit). */
const MAX_RESIZABLE = 2 ** 32;

/** The ArrayBuffer constructor with ES2024's options. */
const ResizableBuffer = ArrayBuffer as unknown as new (
  bytes: number,
  options: { maxByteLength: number },
) => ArrayBuffer;

/**
 * A buffer of `bytes` that can grow in place (so the store's arrays grow without a copy, which
 * would hold the old and the new at once and touch every page again), or a fixed one where the
 * platform reserves no such space.
 */
export function growable(bytes: number): ArrayBuffer {
  try {
    return new ResizableBuffer(bytes, { maxByteLength: MAX_RESIZABLE });
  } catch {
    return new ArrayBuffer(bytes);
  }
}

/**
 * `a` with room for `elements`, its contents kept: in place when its buffer can grow that far,
 * else a copy made by `make`, or (`keep` false) `make`'s new array alone.
 */
export function grown<T extends Uint32Array | Int32Array>(
  a: T,
  elements: number,
  make: (n: number) => T,
  keep = true,
): T {
  const bytes = elements * a.BYTES_PER_ELEMENT;
  const buffer = a.buffer as ArrayBuffer & Resizable;
  if (buffer.resizable === true && bytes <= (buffer.maxByteLength ?? 0)) {
    buffer.resize?.(bytes);
    return a;
  }
  const b = make(elements);
  if (keep) b.set(a);
  return b;
}

/** log2 of the slots a rebuild fills at a time (256 KiB: they stay in the caches). */
const WINDOW_BITS = 16;
/** States a rebuild sorts at a time (its scratch space: 8 bytes for each). */
const CHUNK = 1 << 19;

/**
 * Fills the empty `table` (`mask + 1` slots) with states `0..size` of `keys`, `words` each. A
 * state's slot is random, so placing them in number order would miss the caches at nearly every
 * one; instead each chunk of states is sorted by window of the table first (a counting sort), and
 * the windows are filled in order. Where a state lands is not observable, only which states the
 * table holds.
 */
export function rebuild(
  table: Int32Array,
  mask: number,
  keys: Uint32Array,
  words: number,
  size: number,
  chunk = CHUNK,
): void {
  const high = ~mask;
  const place = (h: number, id: number): void => {
    let slot = h & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = (h & high) | (id + 1);
  };
  const windows = (mask >>> WINDOW_BITS) + 1;
  if (windows <= 2 || size < 4 * windows) {
    for (let id = 0; id < size; id++) place(hashKey(keys, id * words, words), id);
    return;
  }
  const n = Math.min(size, chunk);
  const hashes = new Int32Array(n);
  const ids = new Int32Array(n);
  const starts = new Int32Array(windows + 1);
  for (let first = 0; first < size; first += n) {
    const last = Math.min(size, first + n);
    starts.fill(0);
    for (let id = first; id < last; id++) {
      const w = (hashKey(keys, id * words, words) & mask) >>> WINDOW_BITS;
      starts[w + 1] = (starts[w + 1] as number) + 1;
    }
    for (let w = 1; w <= windows; w++)
      starts[w] = (starts[w] as number) + (starts[w - 1] as number);
    for (let id = first; id < last; id++) {
      const h = hashKey(keys, id * words, words);
      const w = (h & mask) >>> WINDOW_BITS;
      const at = starts[w] as number;
      starts[w] = at + 1;
      hashes[at] = h;
      ids[at] = id;
    }
    for (let i = 0; i < last - first; i++) place(hashes[i] as number, ids[i] as number);
  }
}

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
   * Open addressing, linear probing: slot i holds `id + 1` in the bits of `mask` (0: empty) and
   * the key's hash in the bits above them.
   */
  private table: Int32Array;
  private mask: number;
  /** States stored beyond which the table grows. */
  private limit: number;

  constructor(readonly words: number) {
    this.keys = new Uint32Array(growable(1024 * words * 4));
    this.parents = new Int32Array(growable(1024 * 4));
    this.sleep = new Uint32Array(growable(1024 * 4));
    this.table = new Int32Array(growable(2048 * 4));
    this.mask = 2047;
    this.limit = 2048 * MAX_LOAD;
  }

  /**
   * Adds `key` reached from `parent`: returns its new id, or `-(id + 1)` when it was already there.
   */
  add(key: Uint32Array, parent: number): number {
    const { words, table, mask, keys } = this;
    const h = hashKey(key, 0, words);
    const high = ~mask;
    let slot = h & mask;
    for (;;) {
      const e = table[slot] as number;
      if (e === 0) break;
      if (((e ^ h) & high) === 0) {
        const id = (e & mask) - 1;
        const base = id * words;
        let i = 0;
        while (i < words && keys[base + i] === key[i]) i++;
        if (i === words) return -(id + 1);
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id >= this.parents.length) this.growStore();
    const store = this.keys;
    const base = id * words;
    for (let i = 0; i < words; i++) store[base + i] = key[i] as number;
    this.parents[id] = parent;
    table[slot] = (h & high) | (id + 1);
    if (this.size > this.limit) this.growTable();
    return id;
  }

  /**
   * Meets an arrival's sleep set into state `r` as `add` returned it: sets a new state's
   * (`r` ≥ 0), narrows a stored one's (`r` = −(id + 1)) to the moves asleep on every arrival.
   */
  meet(r: number, word: number): void {
    const { sleep } = this;
    if (r >= 0) sleep[r] = word;
    else sleep[-r - 1] = (sleep[-r - 1] as number) & word;
  }

  /** Doubles the store. */
  private growStore(): void {
    const n = this.parents.length * 2;
    this.keys = grown(this.keys, n * this.words, (m) => new Uint32Array(m));
    this.parents = grown(this.parents, n, (m) => new Int32Array(m));
    this.sleep = grown(this.sleep, n, (m) => new Uint32Array(m));
  }

  /**
   * Doubles the table, rebuilt from `keys`: in place when its buffer can grow (the pages it
   * already has are reused), else in a new one (the old can go first).
   */
  private growTable(): void {
    const slots = (this.mask + 1) * 2;
    if (slots > MAX_SLOTS)
      throw new RangeError('explorer: more states than the visited set can hold');
    const { words, keys, size } = this;
    const old = this.table;
    this.table = new Int32Array(0);
    const table = grown(old, slots, (n) => new Int32Array(n), false);
    if (table === old) table.fill(0, 0, slots >> 1);
    rebuild(table, slots - 1, keys, words, size);
    this.table = table;
    this.mask = slots - 1;
    this.limit = slots * MAX_LOAD;
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
