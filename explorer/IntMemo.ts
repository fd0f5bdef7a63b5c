/**
 * A growing array of integers, -1 where nothing was set: the explorer's memo of one number per
 * state, without a JavaScript object per entry.
 *
 * Leaves out: negative values (-1 means unknown).
 */

/**
 * Numbers by index, -1 when unknown.
 *
 * @example
 * const m = new IntMemo(); m.set(5, 7); [m.get(5), m.get(6)] //=> [7, -1]
 */
export class IntMemo {
  private data = new Int32Array(1024).fill(-1);

  get(i: number): number {
    return i < this.data.length ? (this.data[i] as number) : -1;
  }

  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, i + 1)).fill(-1);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[i] = v;
  }
}
