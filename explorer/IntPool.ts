/**
 * A growing pool of integers that lists are appended to and read back by their start: the
 * explorer keeps each group state's steps there, without a JavaScript array per state.
 *
 * Leaves out: removal (the explorer only ever adds).
 */

/**
 * Lists of integers, one after the other.
 *
 * @example
 * const p = new IntPool(); const at = p.push([4, 5]); [p.get(at), p.get(at + 1)] //=> [4, 5]
 */
export class IntPool {
  private data = new Int32Array(1 << 16);
  private used = 0;

  /** Appends `xs`; returns where they start. */
  push(xs: readonly number[]): number {
    if (this.used + xs.length > this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, this.used + xs.length));
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.used;
    this.data.set(xs, at);
    this.used += xs.length;
    return at;
  }

  get(i: number): number {
    return this.data[i] as number;
  }
}
