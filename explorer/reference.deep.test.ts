/**
 * The fast search (abstraction, tuple groups, compiled steps, minimisation, sleep sets, symmetry)
 * gives the reference search's verdicts and shortest-trace lengths: the claims A1–A11 of
 * abstraction.ts checked on every design, in both environments, the broken fixtures included in
 * the isolated environment (they break the invariants the shipping designs keep). Flows that share
 * a tuple: referenceTuples.deep.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import { agentVariants, findAgent } from '../engine/agent/variants/index.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { driverVariants, findDriver } from '../engine/driver/variants/index.js';
import { hideAllFailures, silentPostfix } from '../checking/fixtures/brokenAgents.js';
import {
  doubleRelease,
  flowLockUnlockedDrain,
  moveTwice,
} from '../checking/fixtures/brokenDrivers.js';
import { explore } from './bfs.js';
import type { ExploreBounds, ExploreConfig } from './bounds.js';
import { referenceExplore } from './reference.js';

const verdicts = (config: ExploreConfig, quiescence: 'final' | 'everyState' = 'final') => {
  const fast = explore(config, { quiescence });
  const ref = referenceExplore(config, { quiescence });
  return {
    fast: fast.violations.map((v) => `${v.invariant.name} ${v.depth}`),
    reference: ref.violations.map((v) => `${v.invariant} ${v.depth}`),
  };
};

const one: ExploreBounds = { flows: 1, callouts: 1, polls: 2, layers: 1, traffic: 1 };
const isolated = (driver: DriverVariant, agent: AgentVariant, bounds = one): ExploreConfig => ({
  driver,
  agent,
  bounds,
  environment: 'isolated',
});
const pairs: [DriverVariant, AgentVariant][] = [
  ...driverVariants.map((d) => [d, findAgent('prefix')!] as [DriverVariant, AgentVariant]),
  ...driverVariants.map((d) => [d, findAgent('postfix')!] as [DriverVariant, AgentVariant]),
  [findDriver('original')!, findAgent('encoder-gate')!],
  [findDriver('original')!, findAgent('failures-delta')!],
  [findDriver('original')!, findAgent('close-record')!],
  [moveTwice, findAgent('postfix')!],
  [doubleRelease, findAgent('postfix')!],
  [flowLockUnlockedDrain, findAgent('postfix')!],
  [findDriver('original')!, hideAllFailures],
  [findDriver('original')!, silentPostfix],
];
const everyPair = driverVariants.flatMap((d) =>
  agentVariants.map((a) => [d.name, a.name, d, a] as const),
);

describe('the fast search agrees with the reference search, isolated', () => {
  it.each(pairs.map(([d, a]) => [d.name, a.name, d, a] as const))(
    '%s × %s, one flow',
    (_d, _a, driver, agent) => {
      const v = verdicts(isolated(driver, agent));
      expect(v.fast).toEqual(v.reference);
    },
  );

  it.each([['original'], ['deferred-move-racy']])(
    '%s × prefix, one flow, quiescence judged on every state',
    (d) => {
      const v = verdicts(isolated(findDriver(d)!, findAgent('prefix')!), 'everyState');
      expect(v.fast).toEqual(v.reference);
    },
  );

  it.each([['flow-lock']])('%s × prefix, two flows', (d) => {
    const v = verdicts(
      isolated(findDriver(d)!, findAgent('prefix')!, {
        flows: 2,
        callouts: 1,
        polls: 1,
        layers: 1,
        traffic: 0,
      }),
    );
    expect(v.fast).toEqual(v.reference);
  });
});

describe('the fast search agrees with the reference search, production', () => {
  it.each(everyPair)('%s × %s, one flow', (_d, _a, driver, agent) => {
    const v = verdicts({ driver, agent, bounds: { ...one, callouts: 0, polls: 1, traffic: 0 } });
    expect(v.fast).toEqual(v.reference);
  });

  it.each([
    ['original', 'prefix'],
    ['cas-retry', 'close-record'],
  ])('%s × %s, one flow, a callout', (d, a) => {
    const v = verdicts({
      driver: findDriver(d)!,
      agent: findAgent(a)!,
      bounds: { ...one, polls: 1, traffic: 0 },
    });
    expect(v.fast).toEqual(v.reference);
  });

  it('deferred-move × prefix, one flow, quiescence judged on every state', () => {
    const v = verdicts(
      {
        driver: findDriver('deferred-move')!,
        agent: findAgent('prefix')!,
        bounds: { ...one, callouts: 0, polls: 1, traffic: 0 },
      },
      'everyState',
    );
    expect(v.fast).toEqual(v.reference);
  });
});
