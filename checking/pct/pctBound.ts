/**
 * PCT's guarantee (Burckhardt et al., ASPLOS'10, Theorem 9): one run finds a given bug of depth d
 * with probability at least 1 / (n · k^(d−1)), for n actors and k steps.
 */

/** The bound and what it was computed from. */
export interface PctBound {
  readonly n: number;
  readonly k: number;
  readonly d: number;
  /** 1 / (n · k^(d−1)). */
  readonly probability: number;
  /** 1 / probability: the expected runs the bound allows, at worst. */
  readonly runs: number;
}

/**
 * The lower bound on the probability that one PCT run finds a depth-`d` bug.
 *
 * @example
 * pctBound(4, 26, 2).probability //=> 1 / 104
 */
export function pctBound(n: number, k: number, d: number): PctBound {
  const runs = n * k ** (d - 1);
  return { n, k, d, probability: 1 / runs, runs };
}
