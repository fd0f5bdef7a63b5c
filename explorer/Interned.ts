/**
 * Interning of values by a key string: each distinct value gets a small number, in the order met.
 *
 * Leaves out: removal (the explorer only ever adds).
 */

/**
 * Values numbered by their key.
 *
 * @example
 * const t = new Interned<string>((s) => s); t.intern('a'); t.intern('a') //=> 0
 */
export class Interned<T> {
  readonly values: T[] = [];
  /** The key of each value, by number. */
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyFn: (v: T) => string) {}
  intern(v: T): number {
    const k = this.keyFn(v);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.keys.push(k);
      this.index.set(k, i);
    }
    return i;
  }
  get(i: number): T {
    return this.values[i] as T;
  }
  /** The key a value is interned under (equal for values interned as one). */
  keyOf(v: T): string {
    return this.keyFn(v);
  }
}
