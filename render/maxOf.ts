/**
 * The largest of some numbers, in a loop: `Math.max(...xs)` passes one argument per number and
 * overflows the stack on a long trace's rows.
 */

/**
 * The largest of `xs`, or `floor` when none is larger.
 *
 * @example
 * maxOf([3, 7, 5], 0) //=> 7
 */
export function maxOf(xs: Iterable<number>, floor: number): number {
  let top = floor;
  for (const x of xs) if (x > top) top = x;
  return top;
}
