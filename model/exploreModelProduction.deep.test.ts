/**
 * The bounded exploration with the production events (docs/environment.md: the drain, client
 * churn), in depth (npm run test:deep): state and transition counts per design with one and two
 * flows, which designs can strand a flow, the transitions the production events add to the
 * isolated ones, and the machine's own checks over every reachable state. The isolated
 * exploration: exploreModel.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Exploration } from './exploreModel.js';
import { exploreModel } from './exploreModel.js';
import { pathsNotReplayed, transitionUniverse } from './graphChecks.js';
import { regionState } from './modelTransitions.js';
import { phaseOf } from './phaseOf.js';

const isolated = new Map<string, Exploration>();
const one = (driver: string) => {
  let x = isolated.get(driver);
  if (x === undefined) {
    x = exploreModel({ driver, flows: 1 }, { callouts: 2, polls: 2 });
    isolated.set(driver, x);
  }
  return x;
};

// With the production events, the same bounds: 1 flow (L=4, 2 callouts, 2 polls) and 2 flows
// (L=1, 1 callout, no poll): states, transitions, lingering reachable.
const PRODUCTION = [
  ['original', 5223, 22410, true, 2394, 8576, true],
  ['cas-retry', 9997, 43276, true, 8338, 31250, true],
  ['deferred-move', 4734, 20706, false, 1448, 5216, false],
  ['deferred-move-racy', 8190, 36364, true, 3588, 13272, true],
  ['flow-lock', 9342, 37718, false, 2994, 10278, false],
] as const;

const production = new Map<string, Exploration>();
const oneInProduction = (driver: string) => {
  let x = production.get(driver);
  if (x === undefined) {
    x = exploreModel({ driver, flows: 1 }, { callouts: 2, polls: 2, environment: 'production' });
    production.set(driver, x);
  }
  return x;
};

describe('exploreModel with the production events', () => {
  it.each(PRODUCTION)(
    'explores %s with the production events: %d states, %d transitions, lingering %s (1 flow)',
    (driver, states, transitions, lingers) => {
      const x = oneInProduction(driver);
      expect([x.nodes.size, x.edges.length, x.lingering !== null]).toEqual([
        states,
        transitions,
        lingers,
      ]);
    },
  );

  it.each(PRODUCTION.map(([driver, , , , ...two]) => [driver, ...two] as const))(
    'explores %s with the production events and 2 flows: %d states, %d transitions, lingering %s',
    (driver, ...expected) => {
      const x = exploreModel(
        { driver, flows: 2, layers: 1 },
        { callouts: 1, polls: 0, environment: 'production' },
      );
      expect([x.nodes.size, x.edges.length, x.lingering !== null]).toEqual(expected);
    },
  );

  it.each(PRODUCTION.map(([d]) => d))(
    'takes every isolated transition with the production events too, and the drain’s and the client’s (%s)',
    (driver) => {
      const isolated = transitionUniverse(one(driver));
      const all = transitionUniverse(oneInProduction(driver));
      expect([...isolated].filter((t) => !all.has(t))).toEqual([]);
      for (const t of [
        'inClosedTable --drain.read--> freed',
        'freed --drain.store--> freed',
        'open --clientExpire--> open',
        'open --clientRegister--> open',
      ]) {
        expect(all).toContain(t);
      }
    },
  );

  it.each(PRODUCTION.map(([d]) => d))(
    'keeps each flow region in the state its context names with the production events (%s)',
    (driver) => {
      for (const n of oneInProduction(driver).nodes.values()) {
        const c = n.snapshot.context;
        expect(regionState(n.snapshot, 1)).toBe(phaseOf(c.flows[0] ?? null, c.layers));
      }
    },
  );

  it.each(PRODUCTION.map(([d]) => d))(
    'replays every shortest path of a two-flow graph with the production events to its state (%s)',
    (driver) => {
      const bounds = { callouts: 0, polls: 0, environment: 'production' } as const;
      expect(pathsNotReplayed(exploreModel({ driver, flows: 2, layers: 1 }, bounds))).toEqual([]);
    },
  );
});
