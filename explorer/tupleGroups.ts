/**
 * Which flows share a 4-tuple (docs/environment.md, "4-tuple reuse"): `explore --tuples T` deals
 * flow k to tuple ((k − 1) mod T) + 1; a trace's own grouping may be given flow by flow instead.
 * Flows of one tuple form a group, the explorer's unit of decomposition (abstraction.ts A4).
 *
 * Leaves out: the tuples' numbers as such (only which flows share one matters to the agent).
 */
import type { Environment } from '../engine/environment.js';
import type { ExploreBounds, ExploreConfig } from './bounds.js';
import { environmentOf } from './bounds.js';

/**
 * The tuple of flow `k`: its own number in the isolated environment, else the bounds' dealing.
 *
 * @example
 * tupleOfFlow({ ...bounds, flows: 3, tuples: 2 }, 3, 'production') //=> 1
 */
export function tupleOfFlow(bounds: ExploreBounds, k: number, env: Environment): number {
  if (env === 'isolated') return k;
  const explicit = bounds.tupleOf?.[k - 1];
  if (explicit !== undefined) return explicit;
  return ((k - 1) % (bounds.tuples ?? bounds.flows)) + 1;
}

/**
 * The flows of each tuple, in order of their first flow, each group in flow order.
 *
 * @example
 * tupleGroups({ ...config, bounds: { ...bounds, flows: 3, tuples: 2 } }) //=> [[1, 3], [2]]
 */
export function tupleGroups(config: ExploreConfig): number[][] {
  const env = environmentOf(config);
  const byTuple = new Map<number, number[]>();
  for (let k = 1; k <= config.bounds.flows; k++) {
    const t = tupleOfFlow(config.bounds, k, env);
    const g = byTuple.get(t);
    if (g === undefined) byTuple.set(t, [k]);
    else g.push(k);
  }
  return [...byTuple.values()];
}

/** Why the tuple bounds are not valid, or null. */
export function badTuples(config: ExploreConfig): string | null {
  const { flows, tuples, tupleOf } = config.bounds;
  if (tuples !== undefined && (!Number.isInteger(tuples) || tuples < 1 || tuples > flows))
    return `tuples must be an integer from 1 to ${flows} (the flows), got ${tuples}`;
  if (tupleOf !== undefined) {
    if (tupleOf.length < flows) return `tupleOf names ${tupleOf.length} tuples for ${flows} flows`;
    if (tupleOf.some((t) => !Number.isInteger(t) || t < 1))
      return `tupleOf holds a tuple that is not a positive integer: [${tupleOf.join(', ')}]`;
  }
  if (environmentOf(config) === 'isolated' && ((tuples ?? flows) < flows || tupleOf !== undefined))
    return 'the isolated environment gives every flow its own tuple (tuples = flows, no tupleOf)';
  return null;
}

/**
 * The tuple bounds in one form: `tuples` is the number of groups, and `tupleOf` (numbered by
 * first appearance) is kept only when the grouping is not the dealing in turn.
 *
 * @example
 * normalTuples({ ...config, bounds: { ...bounds, flows: 3, tupleOf: [5, 7, 5] } }) //=> { tuples: 2 }
 */
export function normalTuples(config: ExploreConfig): Pick<ExploreBounds, 'tuples' | 'tupleOf'> {
  const groups = tupleGroups(config);
  const flows = config.bounds.flows;
  const number = new Array<number>(flows).fill(0);
  groups.forEach((g, i) => g.forEach((k) => (number[k - 1] = i + 1)));
  const dealt = number.every((t, i) => t === (i % groups.length) + 1);
  return dealt ? { tuples: groups.length } : { tuples: groups.length, tupleOf: number };
}
