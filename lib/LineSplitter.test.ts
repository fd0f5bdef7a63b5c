/**
 * Lines cut from blocks: the same lines as splitting the whole text, whatever the block
 * boundaries (even inside a multi-byte character), and a line over the cap refused by number.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { LineSplitter, LineTooLong } from './LineSplitter.js';

const SEED = 20261130;

/** The lines of `bytes` read in blocks cut at `cuts`. */
function linesOf(bytes: Buffer, cuts: readonly number[], max = 1 << 20): string[] {
  const s = new LineSplitter(max);
  const at = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort(
    (a, b) => a - b,
  );
  const lines = at.slice(1).flatMap((end, i) => s.push(bytes.subarray(at[i], end)));
  return [...lines, ...s.end()].map((l, i) => {
    expect(l.line).toBe(i + 1);
    return l.text;
  });
}

/** What splitting the whole text gives: no last empty line when it ends with `\n`. */
const expected = (text: string): string[] => {
  const lines = text.split('\n');
  return text.endsWith('\n') || text === '' ? lines.slice(0, -1) : lines;
};

describe('LineSplitter', () => {
  it.prop(
    [
      fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constant('\n'), fc.constant('→'))),
      fc.array(fc.nat(), { maxLength: 8 }),
    ],
    { seed: SEED, numRuns: 300 },
  )('gives the lines of the whole text, numbered, whatever the blocks', (parts, cuts) => {
    const text = parts.join('');
    expect(linesOf(Buffer.from(text, 'utf8'), cuts)).toEqual(expected(text));
  });

  it('keeps blank lines and a last line without `\\n`', () => {
    expect(linesOf(Buffer.from('a\n\n→b\nc'), [1, 5])).toEqual(['a', '', '→b', 'c']);
  });

  it('refuses a line over the cap as soon as it passes it, naming the line', () => {
    const s = new LineSplitter(4);
    expect(s.push(Buffer.from('1234\n12')).map((l) => l.text)).toEqual(['1234']);
    expect(() => s.push(Buffer.from('345'))).toThrow(LineTooLong);
    expect(() => new LineSplitter(4).push(Buffer.from('ok\n12345\n'))).toThrow(
      expect.objectContaining({ line: 2 }),
    );
  });
});
