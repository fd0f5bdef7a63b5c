/** chunkedWriter passes on the same text, in chunks of at least its size but for the last. */
import { describe, expect, it } from 'vitest';
import { chunkedWriter } from './chunkedWriter.js';

describe('chunkedWriter', () => {
  it('passes the pieces on joined, in chunks that reach the size, the rest at the end', () => {
    const chunks: string[] = [];
    const w = chunkedWriter((c) => chunks.push(c), 10);
    for (const p of ['abcd', 'efgh', 'ijkl', 'mn', 'o']) w.write(p);
    expect(chunks).toEqual(['abcdefghijkl']);
    w.end();
    expect(chunks).toEqual(['abcdefghijkl', 'mno']);
  });

  it('writes nothing for nothing', () => {
    const chunks: string[] = [];
    chunkedWriter((c) => chunks.push(c)).end();
    expect(chunks).toEqual([]);
  });
});
