/**
 * The owner of a key in a parallel search: always a worker, the same for the same words wherever
 * they sit, and spread about evenly over many keys.
 *
 * Leaves out: the search (parallelBreadthFirst.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { ownerOf } from './ownerOf.js';

/** Keys of `words` words: every counter tuple of a small grid, in a row. */
function gridKeys(words: number, top: number, step = 1): Uint32Array {
  const count = (top + 1) ** words;
  const keys = new Uint32Array(count * words);
  for (let n = 0; n < count; n++)
    for (let w = 0, rest = n; w < words; w++, rest = Math.floor(rest / (top + 1)))
      keys[n * words + w] = (rest % (top + 1)) * step;
  return keys;
}

describe('ownerOf', () => {
  const words = 3;
  const keys = gridKeys(words, 19);
  const count = keys.length / words;

  it('names a worker from 0 to workers − 1', () => {
    for (const workers of [1, 2, 3, 7]) {
      const owners = new Set<number>();
      for (let n = 0; n < count; n++) owners.add(ownerOf(keys, n * words, words, workers));

      expect([...owners].sort((a, b) => a - b)).toEqual([...Array(workers).keys()]);
    }
  });

  it('gives the same words the same owner, at any offset', () => {
    const alone = Uint32Array.of(4, 11, 7);
    const inRow = Uint32Array.of(9, 9, 4, 11, 7, 0);

    for (const workers of [2, 3, 5])
      expect(ownerOf(inRow, 2, words, workers)).toBe(ownerOf(alone, 0, words, workers));
  });

  it('reads only the leading words it is given', () => {
    const a = Uint32Array.of(4, 11, 7);
    const b = Uint32Array.of(4, 11, 8);

    for (const workers of [2, 3, 5])
      expect(ownerOf(a, 0, 2, workers)).toBe(ownerOf(b, 0, 2, workers));
  });

  it.each([
    ['small keys', keys],
    // A hash that kept a word's residue would give such keys all to one worker.
    ['keys whose words are multiples of 12', gridKeys(words, 19, 12)],
  ])('spreads many %s about evenly', (_what, many) => {
    for (const workers of [2, 3, 4]) {
      const load = new Array<number>(workers).fill(0);
      for (let n = 0; n < count; n++) {
        const o = ownerOf(many, n * words, words, workers);
        load[o] = (load[o] as number) + 1;
      }

      // Within 10% of an even share (a uniform hash is within a few percent on 8,000 keys).
      const even = count / workers;
      for (const l of load) expect(Math.abs(l - even)).toBeLessThan(even * 0.1);
    }
  });
});
