/**
 * Searching again once invariants are violated (`restart`, on by default): the same violated
 * invariants with the same shortest depths as one pass (`restart: false`); `phases` lists each
 * search, each judging fewer invariants than the one before (those it found violated are
 * dropped), the last one complete and storing no more states than the one pass; a design that
 * violates nothing is searched once; the stop conditions, shards and fingerprints search once
 * without phases.
 *
 * Leaves out: restarts with several workers (workers.test.ts) and `maxStates`.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { Environment } from '../engine/environment.js';
import { invariants } from '../invariants/index.js';
import type { ExploreOptions, ExploreResult } from './bfs.js';
import { explore } from './bfs.js';
import type { ExploreBounds, ExploreConfig } from './bounds.js';

const config = (
  driver: string,
  agent: string,
  bounds: ExploreBounds,
  environment: Environment = 'isolated',
): ExploreConfig => ({
  driver: findDriver(driver)!,
  agent: findAgent(agent)!,
  environment,
  bounds,
});

const verdicts = (r: ExploreResult) => r.violations.map((v) => `${v.invariant.name} ${v.depth}`);

const two: ExploreBounds = { flows: 2, callouts: 1, polls: 2, layers: 1, traffic: 1 };

describe('restarts', () => {
  it.each([
    // Violated while the levels grow: three searches (14, 13, then 11 invariants).
    ['original', 'prefix', two, 'isolated', 3],
    ['original', 'postfix', { ...two, traffic: 0 }, 'isolated', 2],
    ['original', 'prefix', { ...two, callouts: 0, traffic: 0 }, 'production', 2],
    // Violated only past the widest level: the one search goes on to the end.
    ['cas-retry', 'postfix', { ...two, polls: 1 }, 'isolated', 1],
  ] as const)(
    '%s × %s, %o, %s: the verdicts of one pass, in %i searches',
    (d, a, bounds, environment, searches) => {
      // Arrange
      const c = config(d, a, bounds, environment);
      // Act
      const once = explore(c, { restart: false });
      const restarted = explore(c);
      // Assert
      expect(once.violations.length).toBeGreaterThan(0);
      expect(verdicts(restarted)).toEqual(verdicts(once));
      expect(once.phases).toBeUndefined();
      const phases = restarted.phases ?? [];
      expect(phases).toHaveLength(searches);
      expect(phases[0]?.judged).toBe(invariants.length);
      phases.slice(1).forEach((p, i) => {
        const before = phases[i]!;
        expect(before.violated.length).toBeGreaterThan(0);
        expect(before.complete).toBe(false);
        expect(p.judged).toBe(before.judged - before.violated.length);
      });
      // Each invariant is found violated by exactly one search.
      expect(phases.flatMap((p) => p.violated).sort()).toEqual(
        once.violations.map((v) => v.invariant.name).sort(),
      );
      const last = phases[phases.length - 1]!;
      expect([last.complete, restarted.complete]).toEqual([true, true]);
      expect([restarted.distinctStates, restarted.generated, restarted.depth]).toEqual([
        last.distinctStates,
        last.generated,
        last.depth,
      ]);
      expect(last.distinctStates).toBeLessThanOrEqual(once.distinctStates);
      if (searches > 1) expect(last.distinctStates).toBeLessThan(once.distinctStates);
    },
  );

  it('searches a design that violates nothing once, with the one-pass counts', () => {
    const c = config('deferred-move', 'postfix', { ...two, polls: 1 });
    const once = explore(c, { restart: false });
    const restarted = explore(c);
    expect(restarted.violations).toEqual([]);
    expect(restarted.phases).toHaveLength(1);
    expect(restarted.phases?.[0]).toMatchObject({
      judged: invariants.length,
      distinctStates: once.distinctStates,
      generated: once.generated,
      complete: true,
      violated: [],
    });
  });

  it.each([
    ['stopAtFirst', { stopAtFirst: true }],
    ['stopWhenFound', { stopWhenFound: 'RateAtMost100' }],
    ['shard', { shard: { index: 1, count: 2 } }],
    ['fingerprints', { fingerprints: true }],
  ] as [string, ExploreOptions][])(
    '%s turns restarts off: one search, no phases',
    (_n, options) => {
      const c = config('original', 'prefix', two);
      const r = explore(c, options);
      expect(r.phases).toBeUndefined();
      expect(r.violations.length).toBeGreaterThan(0);
    },
  );
});
