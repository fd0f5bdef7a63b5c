import { describe, expect, it } from 'vitest';
import { growable, grown, hashKey, rebuild, VisitedSet } from './VisitedSet.js';

/** A small deterministic generator (the same keys on every run). */
function* keysOf(count: number, words: number, seed: number): Generator<Uint32Array> {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < count; i++) {
    const k = new Uint32Array(words);
    // About 30,000 possible keys, so that a good share of the draws repeat.
    for (let w = 0; w < words; w++) k[w] = next() % Math.ceil(30_000 ** (1 / words));
    yield k;
  }
}

describe('VisitedSet', () => {
  it('numbers new keys in discovery order and finds them again', () => {
    const v = new VisitedSet(2);
    expect(v.add(Uint32Array.of(1, 2), -1)).toBe(0);
    expect(v.add(Uint32Array.of(2, 1), 0)).toBe(1);
    expect(v.add(Uint32Array.of(1, 2), 1)).toBe(-1);
    expect(v.add(Uint32Array.of(2, 1), 0)).toBe(-2);
    expect(v.size).toBe(2);
    expect([...v.keyOf(1)]).toEqual([2, 1]);
    expect([...v.parents.subarray(0, 2)]).toEqual([-1, 0]);
  });

  it('agrees with a Map through many growths, keeping keys, parents and sleep sets', () => {
    for (const words of [1, 2, 3, 5]) {
      const v = new VisitedSet(words);
      const ids = new Map<string, number>();
      let step = 0;
      let wrong = 0;
      for (const k of keysOf(60_000, words, 17 + words)) {
        const text = k.join(',');
        const known = ids.get(text);
        const r = v.add(k, step);
        if (known === undefined) {
          if (r !== ids.size) wrong++;
          ids.set(text, r);
          v.sleep[r] = step;
        } else if (r !== -(known + 1)) wrong++;
        step++;
      }
      expect(wrong).toBe(0);
      expect(v.size).toBe(ids.size);
      expect(ids.size).toBeGreaterThan(15_000);
      expect(ids.size).toBeLessThan(50_000);
      for (const [text, id] of ids) {
        if (v.keyOf(id).join(',') !== text) wrong++;
        if (v.keys.subarray(id * words, (id + 1) * words).join(',') !== text) wrong++;
        if (v.sleep[id] !== v.parents[id]) wrong++;
      }
      expect(wrong).toBe(0);
      expect(v.words).toBe(words);
      expect(v.bytes).toBeGreaterThanOrEqual(ids.size * (words + 3) * 4);
    }
  });

  it('tells apart keys whose hashes share the bits a slot keeps', () => {
    // Keys whose hashes agree in the low bits (the same home slot) pile up in one run of slots.
    const v = new VisitedSet(1);
    const same: number[] = [];
    for (let x = 0; same.length < 300; x++) {
      if ((hashKey(Uint32Array.of(x), 0, 1) & 0x3ff) === 0x155) same.push(x);
    }
    expect(same.map((x) => v.add(Uint32Array.of(x), -1))).toEqual(same.map((_, i) => i));
    expect(same.map((x) => v.add(Uint32Array.of(x), -1))).toEqual(same.map((_, i) => -(i + 1)));
    expect(v.add(Uint32Array.of(0xffffffff), -1)).toBe(same.length);
  });

  it('reads a key of several words from an offset', () => {
    const a = Uint32Array.of(9, 1, 2, 3);
    expect(hashKey(a, 1, 3)).toBe(hashKey(Uint32Array.of(1, 2, 3), 0, 3));
    expect(hashKey(a, 1, 3)).not.toBe(hashKey(Uint32Array.of(1, 3, 2), 0, 3));
  });

  it('grows a resizable buffer in place and copies a fixed one', () => {
    const fixed = Uint32Array.of(1, 2);
    const copied = grown(fixed, 4, (n) => new Uint32Array(n));
    expect(copied).not.toBe(fixed);
    expect([...copied]).toEqual([1, 2, 0, 0]);
    const resizable = new Int32Array(growable(8));
    resizable[1] = -5;
    const same = grown(resizable, 4, (n) => new Int32Array(n));
    expect([...same]).toEqual([0, -5, 0, 0]);
    expect(same.buffer).toBe(resizable.buffer);
  });

  it('rebuilds a table window by window, chunk by chunk, holding every state once', () => {
    const words = 2;
    const size = 20_000;
    const keys = new Uint32Array(size * words);
    for (let i = 0; i < keys.length; i++) keys[i] = Math.imul(i, 0x9e3779b1) >>> 7;
    const slots = 1 << 19;
    const table = new Int32Array(slots);
    rebuild(table, slots - 1, keys, words, size, 3000);
    const mask = slots - 1;
    const seen = new Set<number>();
    let misplaced = 0;
    for (let id = 0; id < size; id++) {
      const h = hashKey(keys, id * words, words);
      let slot = h & mask;
      while (table[slot] !== 0 && ((table[slot] as number) & mask) !== id + 1)
        slot = (slot + 1) & mask;
      if (table[slot] !== ((h & ~mask) | (id + 1))) misplaced++;
      seen.add(slot);
    }
    expect(misplaced).toBe(0);
    expect(seen.size).toBe(size);
    expect(table.filter((e) => e !== 0).length).toBe(size);
  });
});
