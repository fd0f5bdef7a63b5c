/**
 * Each reduction keeps every verdict and every shortest-trace length: the search with and without
 * partial-order reduction (sleep sets), symmetry reduction and local minimisation, on up to three
 * flows, in the isolated environment and in production with flows sharing a tuple or not. Sleep
 * sets prune steps, never states, so the distinct count is the same with and without.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { ExploreOptions, ExploreResult } from './bfs.js';
import { explore } from './bfs.js';
import type { Environment } from '../engine/environment.js';
import type { ExploreBounds } from './bounds.js';

const verdicts = (r: ExploreResult) => r.violations.map((v) => `${v.invariant.name} ${v.depth}`);
const run = (
  driver: string,
  agent: string,
  bounds: ExploreBounds,
  options: ExploreOptions = {},
  environment: Environment = 'isolated',
) =>
  explore({ driver: findDriver(driver)!, agent: findAgent(agent)!, bounds, environment }, options);

const two: ExploreBounds = { flows: 2, callouts: 1, polls: 1, layers: 1, traffic: 1 };
const three: ExploreBounds = { flows: 3, callouts: 1, polls: 1, layers: 1, traffic: 0 };

describe('reductions keep the verdicts', () => {
  it.each([
    ['original', 'prefix', two],
    ['deferred-move-racy', 'postfix', two],
    ['flow-lock', 'encoder-gate', two],
    ['original', 'postfix', three],
    ['cas-retry', 'prefix', three],
  ] as const)('partial-order reduction: %s × %s, %o', (d, a, bounds) => {
    const on = run(d, a, bounds);
    const off = run(d, a, bounds, { por: false });
    expect(verdicts(on)).toEqual(verdicts(off));
    expect(on.distinctStates).toBe(off.distinctStates);
    expect(on.depth).toBe(off.depth);
    expect(on.generated).toBeLessThan(off.generated);
  });

  it.each([
    ['original', 'prefix'],
    ['deferred-move', 'postfix'],
  ])('symmetry reduction: %s × %s, two flows', (d, a) => {
    const on = run(d, a, two);
    const off = run(d, a, two, { symmetry: false });
    expect(verdicts(on)).toEqual(verdicts(off));
    expect(on.distinctStates).toBeLessThan(off.distinctStates);
  });

  it.each([
    ['original', 'prefix'],
    ['deferred-move-racy', 'failures-delta'],
  ])('local minimisation: %s × %s, two flows', (d, a) => {
    const on = run(d, a, two);
    const off = run(d, a, two, { minimise: false });
    expect(verdicts(on)).toEqual(verdicts(off));
    expect(on.localClasses).toBeLessThan(on.localStates);
    expect(on.distinctStates).toBeLessThan(off.distinctStates);
  });

  it('all three off gives the verdicts of all three on (quiescence judged on every state)', () => {
    const bounds = { ...two, layers: 2 };
    const on = run('cas-retry', 'postfix', bounds, { quiescence: 'everyState' });
    const off = run('cas-retry', 'postfix', bounds, {
      quiescence: 'everyState',
      por: false,
      symmetry: false,
      minimise: false,
    });
    expect(verdicts(on)).toEqual(verdicts(off));
  });

  const apart: ExploreBounds = {
    flows: 2,
    tuples: 2,
    callouts: 0,
    polls: 1,
    layers: 1,
    traffic: 0,
  };
  const shared: ExploreBounds = { ...apart, tuples: 1, polls: 0 };
  const mixed: ExploreBounds = {
    flows: 3,
    tuples: 2,
    callouts: 0,
    polls: 0,
    layers: 1,
    traffic: 0,
  };

  it.each([
    ['deferred-move', 'postfix', shared],
    ['original', 'close-record', apart],
    ['flow-lock', 'prefix', mixed],
  ] as const)('production: partial-order reduction and symmetry, %s × %s, %o', (d, a, bounds) => {
    const on = run(d, a, bounds, {}, 'production');
    const noPor = run(d, a, bounds, { por: false }, 'production');
    const noSym = run(d, a, bounds, { symmetry: false }, 'production');
    expect(verdicts(noPor)).toEqual(verdicts(on));
    expect(verdicts(noSym)).toEqual(verdicts(on));
    expect(noPor.distinctStates).toBe(on.distinctStates);
    // One tuple is one group: its flows' moves are never independent, so nothing sleeps.
    if (bounds.tuples === 1) expect(on.generated).toBe(noPor.generated);
    else expect(on.generated).toBeLessThan(noPor.generated);
    expect(on.distinctStates).toBeLessThan(noSym.distinctStates);
  });

  it('production: local minimisation, flows in tuples of their own and sharing one', () => {
    for (const bounds of [apart, mixed]) {
      const on = run('original', 'postfix', bounds, {}, 'production');
      const off = run('original', 'postfix', bounds, { minimise: false }, 'production');
      expect(verdicts(on)).toEqual(verdicts(off));
      expect(on.localClasses).toBeLessThan(on.localStates);
      expect(on.distinctStates).toBeLessThan(off.distinctStates);
    }
  });
});
