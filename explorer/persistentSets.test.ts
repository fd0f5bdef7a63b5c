/**
 * Persistent sets keep every verdict: on every driver × agent pair, in the isolated environment
 * (the only one they are sound in: persistentSets.ts), the search with `ample` finds the same
 * violated invariants, the same final states (so quiescence violations at the same depth) and
 * safety violations no earlier than the shortest, in fewer states.
 */
import { describe, expect, it } from 'vitest';
import { agentVariants } from '../engine/agent/variants/index.js';
import { driverVariants } from '../engine/driver/variants/index.js';
import { explore, type ExploreResult } from './bfs.js';
import type { ExploreBounds } from './bounds.js';
import { halfStepsLeft } from './persistentSets.js';

const bounds: ExploreBounds = { flows: 2, callouts: 1, polls: 1, layers: 1, traffic: 0 };
const byName = (r: ExploreResult) => new Map(r.violations.map((v) => [v.invariant.name, v]));
const pairs = driverVariants.flatMap((d) =>
  agentVariants.map((a) => [d.name, a.name, d, a] as const),
);

describe('persistent sets', () => {
  it.each(pairs)('keep the verdicts of %s × %s', (_d, _a, driver, agent) => {
    // One pass each, so that the final states and counts are those of the same invariants.
    const config = { driver, agent, bounds, environment: 'isolated' } as const;
    const full = explore(config, { restart: false });
    const ample = explore(config, { ample: true, restart: false });
    const f = byName(full);
    const a = byName(ample);
    expect([...a.keys()]).toEqual([...f.keys()]);
    for (const [name, v] of f) {
      const w = a.get(name)!;
      if (v.invariant.when === 'quiescence') expect(w.depth).toBe(v.depth);
      else expect(w.depth).toBeGreaterThanOrEqual(v.depth);
    }
    expect(ample.finalStates).toBe(full.finalStates);
    expect(ample.distinctStates).toBeLessThan(full.distinctStates);
    expect([ample.ample, ample.por, ample.statesExpandedAlone > 0]).toEqual([true, false, true]);
  });

  it('refuses a split search, and the production environment', () => {
    const [, , driver, agent] = pairs[0]!;
    expect(() =>
      explore(
        { driver, agent, bounds, environment: 'isolated' },
        { ample: true, shard: { index: 1, count: 2 } },
      ),
    ).toThrow(/unsplit/);
    expect(() => explore({ driver, agent, bounds }, { ample: true })).toThrow(
      /isolated environment/,
    );
  });

  it('counts the poll half-steps left', () => {
    expect([
      halfStepsLeft(false, 0, 3),
      halfStepsLeft(true, 0, 3),
      halfStepsLeft(true, 2, 3),
      halfStepsLeft(false, 3, 3),
    ]).toEqual([6, 5, 1, 0]);
  });
});
