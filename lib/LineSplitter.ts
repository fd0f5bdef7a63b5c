/**
 * Cuts a byte stream read in blocks into lines at `\n`, whatever the block boundaries, so that a
 * file of JSON lines is read one line at a time in bounded memory. A line is cut and decoded as
 * UTF-8 only once it is whole (`\n` never occurs inside a multi-byte UTF-8 sequence), and a line
 * longer than the cap is refused as soon as the cap is passed, before the rest of it is read.
 */

/** A line over the cap: which one (1-based). */
export class LineTooLong extends Error {
  override readonly name = 'LineTooLong';
  readonly line: number;
  constructor(line: number, maxBytes: number) {
    super(`line ${line} is over ${maxBytes} bytes`);
    this.line = line;
  }
}

/** One line: its text without the `\n`, and its 1-based number. */
export interface Line {
  readonly text: string;
  readonly line: number;
}

/**
 * Feed blocks with `push`, then call `end`; each returns the lines it completed, in order.
 *
 * @example
 * const s = new LineSplitter(1024);
 * s.push(Buffer.from('{"a":1}\n{"b"')).map((l) => l.text) //=> ['{"a":1}']
 * s.end().map((l) => [l.line, l.text]) //=> [[2, '{"b"']]
 */
export class LineSplitter {
  private readonly maxBytes: number;
  /** The bytes of the line not yet ended, copied (the caller may reuse its block). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private next = 1;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  push(block: Uint8Array): Line[] {
    const lines: Line[] = [];
    let start = 0;
    for (;;) {
      const nl = block.indexOf(0x0a, start);
      if (nl < 0) break;
      lines.push(this.cut(block.subarray(start, nl)));
      start = nl + 1;
    }
    if (start < block.length) {
      this.grow(block.length - start);
      this.pending.push(Buffer.from(block.subarray(start)));
    }
    return lines;
  }

  /** The last line, if the stream does not end with `\n`. */
  end(): Line[] {
    return this.pendingBytes === 0 ? [] : [this.cut(new Uint8Array(0))];
  }

  private grow(bytes: number): void {
    this.pendingBytes += bytes;
    if (this.pendingBytes > this.maxBytes) throw new LineTooLong(this.next, this.maxBytes);
  }

  private cut(tail: Uint8Array): Line {
    this.grow(tail.length);
    const text =
      this.pending.length === 0
        ? Buffer.from(tail.buffer, tail.byteOffset, tail.length).toString('utf8')
        : Buffer.concat([...this.pending, tail]).toString('utf8');
    this.pending = [];
    this.pendingBytes = 0;
    return { text, line: this.next++ };
  }
}
