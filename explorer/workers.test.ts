/**
 * The parallel search (`workers`): on two threads the same distinct and generated counts, depth,
 * final states, completeness and violated invariants with the same shortest depths as on one,
 * with restarts and without; the traces it reports replay to their violations; the
 * configurations it refuses. Each run here starts a pool of threads (about a second and a half),
 * so the pairs are few and the bounds small.
 *
 * Leaves out: more than two workers (the machine the suite runs on has two cores) and timing.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { Environment } from '../engine/environment.js';
import { checkTrace } from '../invariants/checkTrace.js';
import type { ExploreOptions, ExploreResult } from './bfs.js';
import { explore } from './bfs.js';
import type { ExploreBounds, ExploreConfig } from './bounds.js';

const config = (
  driver: string,
  agent: string,
  environment: Environment,
  bounds: ExploreBounds,
): ExploreConfig => ({
  driver: findDriver(driver)!,
  agent: findAgent(agent)!,
  environment,
  bounds,
});

/** What must not depend on the number of workers. */
const figures = (r: ExploreResult) => ({
  distinctStates: r.distinctStates,
  generated: r.generated,
  depth: r.depth,
  finalStates: r.finalStates,
  complete: r.complete,
  violations: r.violations.map((v) => `${v.invariant.name} ${v.depth}`),
  searches: r.phases?.map((p) => [p.judged, p.distinctStates, p.generated, p.depth, p.complete]),
});

/** Every reported trace violates its invariant when the engine replays it (at its last event). */
function expectTracesReplay(c: ExploreConfig, r: ExploreResult): void {
  for (const v of r.violations) {
    const checked = checkTrace(
      { driver: c.driver, agent: c.agent, layers: c.bounds.layers, clients: 1 },
      v.events,
      [v.invariant],
    );
    const verdict = checked.ok ? checked.value.verdicts[0] : undefined;
    expect([v.invariant.name, verdict?.verdict]).toEqual([v.invariant.name, 'violated']);
    if (v.invariant.when === 'everyStep') expect(verdict?.step).toBe(v.depth);
  }
}

const three: ExploreBounds = { flows: 3, callouts: 0, polls: 1, layers: 1, traffic: 0 };

describe('explore with two workers', () => {
  it.each([
    // Violates while levels still grow: three searches on the same pool, the third flow's moves
    // staying with the worker that expands them.
    ['original', 'prefix', 'isolated', { ...three, polls: 2, traffic: 1 }, 3],
    // Violates nothing, in production (the drain and churn move the shared state).
    ['deferred-move', 'postfix', 'production', three, 1],
  ] as const)(
    'gives what one worker gives: %s × %s, %s, %o',
    (d, a, environment, bounds, searches) => {
      // Arrange
      const c = config(d, a, environment, bounds);
      // Act
      const one = explore(c, { workers: 1 });
      const two = explore(c, { workers: 2 });
      // Assert
      expect(figures(two)).toEqual(figures(one));
      expect([one.workers, two.workers]).toEqual([1, 2]);
      expect([two.complete, two.phases?.length]).toEqual([true, searches]);
      expectTracesReplay(c, two);
    },
  );

  it('gives what one worker gives without restarts, and the traces replay', () => {
    const c = config('original', 'postfix', 'isolated', { ...three, flows: 2, polls: 2 });
    const one = explore(c, { workers: 1, restart: false });
    const two = explore(c, { workers: 2, restart: false });
    expect(figures(two)).toEqual(figures(one));
    expect(two.phases).toBeUndefined();
    expect(two.violations.length).toBeGreaterThan(0);
    expectTracesReplay(c, two);
  });

  it.each([
    [{ ample: true }, 'without persistent sets, shards or fingerprints'],
    [{ shard: { index: 1, count: 2 } }, 'without persistent sets, shards or fingerprints'],
    [{ fingerprints: true }, 'without persistent sets, shards or fingerprints'],
  ] as const)('refuses %o', (options: ExploreOptions, message) => {
    const c = config('original', 'prefix', 'isolated', three);
    expect(() => explore(c, { ...options, workers: 2 })).toThrow(
      `explorer: several workers need a search ${message}`,
    );
  });

  it('refuses flows that share a tuple', () => {
    const c = config('deferred-move', 'postfix', 'production', { ...three, tuples: 2 });
    expect(() => explore(c, { workers: 2 })).toThrow(
      'explorer: several workers need every flow on a tuple of its own (--tuples equal to --flows)',
    );
  });
});
