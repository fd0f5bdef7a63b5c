/**
 * Gathers many small pieces of text into chunks of about 64 KiB before passing them on: a long
 * document written piece by piece (`export`'s states, `render`'s rows) costs a few thousand
 * writes instead of one per piece, and is never whole in memory.
 */

/** Takes pieces in order, then `end` once (which passes on what is left). */
export interface ChunkedWriter {
  readonly write: (text: string) => void;
  readonly end: () => void;
}

/**
 * A writer that calls `out` with each chunk once it reaches `size` characters.
 *
 * @example
 * const w = chunkedWriter(io.out); w.write('a'); w.write('b'); w.end() // io.out('ab')
 */
export function chunkedWriter(out: (chunk: string) => void, size = 64 * 1024): ChunkedWriter {
  let pieces: string[] = [];
  let length = 0;
  const flush = () => {
    if (pieces.length > 0) out(pieces.join(''));
    pieces = [];
    length = 0;
  };
  return {
    write: (text) => {
      pieces.push(text);
      length += text.length;
      if (length >= size) flush();
    },
    end: flush,
  };
}
