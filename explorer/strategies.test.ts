/**
 * The state counts each reduction gives at one small bound, pinned, in the manner of stateright's
 * examples and the TLA+ Examples manifest: everything on, each reduction off in turn, persistent
 * sets, and each share of a split search. The table is the regression anchor: a change to a
 * reduction that moves a number must say why. Whatever the numbers, the relations each reduction
 * promises are checked too: sleep sets keep the distinct states and generate fewer, symmetry,
 * minimisation and persistent sets store fewer, and the verdicts are the same throughout.
 *
 * Leaves out: production (reductions.test.ts), several workers (workers.test.ts) and restarts
 * (every search here is one pass, as a shard's is).
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { ExploreOptions, ExploreResult } from './bfs.js';
import { explore } from './bfs.js';
import type { ExploreBounds } from './bounds.js';

const bounds: ExploreBounds = { flows: 3, callouts: 1, polls: 1, layers: 1, traffic: 0 };

const strategies = {
  all: {},
  noSymmetry: { symmetry: false },
  noSleepSets: { por: false },
  noMinimisation: { minimise: false },
  persistentSets: { ample: true },
  shard1of2: { shard: { index: 1, count: 2 } },
  shard2of2: { shard: { index: 2, count: 2 } },
} satisfies Record<string, ExploreOptions>;

type Strategy = keyof typeof strategies;

/**
 * [distinctStates, generated] per strategy (a shard's: the states it stored), isolated, N = 3,
 * C = 1, P = 1, L = 1, T = 0, one pass. The regression anchors: what changing a reduction must
 * explain.
 */
const PINNED: Record<string, Record<Strategy, readonly [number, number]>> = {
  'deferred-move × postfix': {
    all: [11_295, 37_694],
    noSymmetry: [61_253, 212_733],
    noSleepSets: [11_295, 47_651],
    noMinimisation: [90_700, 298_656],
    persistentSets: [4_698, 9_670],
    shard1of2: [10_236, 30_591],
    shard2of2: [10_249, 30_594],
  },
  'original × postfix': {
    all: [28_899, 88_438],
    noSymmetry: [161_092, 515_924],
    noSleepSets: [28_899, 115_186],
    noMinimisation: [123_979, 352_460],
    persistentSets: [11_875, 23_390],
    shard1of2: [24_111, 66_429],
    shard2of2: [24_151, 66_455],
  },
};

const names = (r: ExploreResult) => r.violations.map((v) => v.invariant.name);
const verdicts = (r: ExploreResult) => r.violations.map((v) => `${v.invariant.name} ${v.depth}`);

describe.each([
  ['deferred-move', 'postfix'],
  ['original', 'postfix'],
])('%s × %s at one small bound', (d, a) => {
  const config = {
    driver: findDriver(d)!,
    agent: findAgent(a)!,
    environment: 'isolated' as const,
    bounds,
  };
  const runs = Object.fromEntries(
    Object.entries(strategies).map(([k, o]) => [k, explore(config, { ...o, restart: false })]),
  ) as Record<Strategy, ExploreResult>;
  const pinned = PINNED[`${d} × ${a}`]!;

  it('gives the pinned counts for each strategy', () => {
    const counts = Object.fromEntries(
      Object.entries(runs).map(([k, r]) => [k, [r.distinctStates, r.generated]]),
    );
    expect(counts).toEqual(pinned);
    for (const r of Object.values(runs)) expect([r.complete, r.queueLeft]).toEqual([true, 0]);
  });

  it('sleep sets keep the distinct states and generate fewer', () => {
    expect(runs.all.distinctStates).toBe(runs.noSleepSets.distinctStates);
    expect(runs.all.generated).toBeLessThan(runs.noSleepSets.generated);
    expect(runs.all.sleptMoves).toBeGreaterThan(0);
  });

  it('symmetry, minimisation and persistent sets each store fewer states', () => {
    expect(runs.all.distinctStates).toBeLessThan(runs.noSymmetry.distinctStates);
    expect(runs.all.distinctStates).toBeLessThan(runs.noMinimisation.distinctStates);
    expect(runs.persistentSets.distinctStates).toBeLessThan(runs.all.distinctStates);
  });

  it('gives the same verdicts throughout (the shortest depths too, but with persistent sets)', () => {
    for (const k of ['noSymmetry', 'noSleepSets', 'noMinimisation'] as const)
      expect(verdicts(runs[k])).toEqual(verdicts(runs.all));
    expect(names(runs.persistentSets)).toEqual(names(runs.all));
  });

  it('splits into shards that each store fewer states and together cover the search', () => {
    const { shard1of2: one, shard2of2: two } = runs;
    expect(one.distinctStates).toBeLessThan(runs.all.distinctStates);
    expect(two.distinctStates).toBeLessThan(runs.all.distinctStates);
    expect(one.distinctStates + two.distinctStates).toBeGreaterThanOrEqual(runs.all.distinctStates);
    const either = new Set([...names(one), ...names(two)]);
    expect(names(runs.all).filter((n) => either.has(n))).toEqual(names(runs.all));
    expect(either.size).toBe(names(runs.all).length);
  });
});
