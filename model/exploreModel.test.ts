/**
 * The bounded exploration: state and transition counts per design (an expectations table, as
 * TLA+ Examples' manifests pin theirs) in the isolated environment, which designs can strand a
 * flow, the exact shortest paths to it, and checks of the machine itself over every reachable
 * state. With the production events (docs/environment.md): exploreModelProduction.deep.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../engine/events.js';
import { enabledEvents } from './enabledEvents.js';
import type { Exploration } from './exploreModel.js';
import { exploreModel, hasLingeringFlow, pathTo } from './exploreModel.js';
import { pathsNotReplayed } from './graphChecks.js';
import { regionState } from './modelTransitions.js';
import { phaseOf } from './phaseOf.js';

const label = (e: Event) =>
  `${e.type}${'flow' in e && e.flow !== undefined ? `(${e.flow})` : ''}${'step' in e && e.step ? `.${e.step}` : ''}`;

// driver, then for 1 flow (L=4, 2 callouts, 2 polls) and 2 flows (L=1, 1 callout, no poll):
// states, transitions, lingering reachable.
const EXPECTED = [
  ['original', 2080, 6995, true, 231, 593, true],
  ['cas-retry', 3954, 13347, true, 703, 1785, true],
  ['deferred-move', 2001, 6876, false, 190, 539, false],
  ['deferred-move-racy', 3565, 12344, true, 528, 1517, true],
  ['flow-lock', 4085, 12418, false, 435, 1169, false],
] as const;

const explored = new Map<string, Exploration>();
const one = (driver: string) => {
  let x = explored.get(driver);
  if (x === undefined) {
    x = exploreModel({ driver, flows: 1 }, { callouts: 2, polls: 2 });
    explored.set(driver, x);
  }
  return x;
};
const two = (driver: string) =>
  exploreModel({ driver, flows: 2, layers: 1 }, { callouts: 1, polls: 0 });

const replaysEveryPath = (x: Exploration) => expect(pathsNotReplayed(x)).toEqual([]);

describe('exploreModel', () => {
  it.each(EXPECTED)(
    'explores %s: %d states, %d transitions, lingering %s (1 flow)',
    (driver, states, transitions, lingers) => {
      const x = one(driver);
      expect([x.nodes.size, x.edges.length, x.lingering !== null]).toEqual([
        states,
        transitions,
        lingers,
      ]);
    },
  );

  it.each(EXPECTED)(
    'explores %s with 2 flows: %4$d states, %5$d transitions, lingering %6$s',
    (driver, ...rest) => {
      const x = two(driver);
      expect([x.nodes.size, x.edges.length, x.lingering !== null]).toEqual(rest.slice(3));
    },
  );

  it('finds the PR race as the shortest path to a lingering flow (original)', () => {
    const x = one('original');
    expect(pathTo(x, x.lingering?.key ?? ('' as never)).map(label)).toEqual([
      'establish(1)',
      'calloutEnter(1)',
      'reset(1)',
      ...Array.from({ length: 4 }, () => [
        'flowDeleteNotify(1).cas',
        'flowDeleteNotify(1).decrement',
      ]).flat(),
      'calloutExit(1).decrement',
    ]);
  });

  it('finds the stale pendingMove read as the shortest path to a lingering flow (deferred-move-racy)', () => {
    const x = one('deferred-move-racy');
    const notify = ['flowDeleteNotify(1).markPending', 'flowDeleteNotify(1).decrement'];
    expect(pathTo(x, x.lingering?.key ?? ('' as never)).map(label)).toEqual([
      'establish(1)',
      'calloutEnter(1)',
      'reset(1)',
      ...notify,
      ...notify,
      ...notify,
      'calloutExit(1).readPending',
      ...notify,
      'calloutExit(1).decrement',
    ]);
  });

  it.each(EXPECTED.map(([d]) => d))(
    'keeps each flow region in the state its context names, in every reachable state (%s)',
    (driver) => {
      for (const n of one(driver).nodes.values()) {
        const c = n.snapshot.context;
        expect(regionState(n.snapshot, 1)).toBe(phaseOf(c.flows[0] ?? null, c.layers));
      }
    },
  );

  it.each(EXPECTED.map(([d]) => d))(
    'leaves a lingering flow nothing but traffic and polls (%s)',
    (driver) => {
      const x = one(driver);
      for (const n of x.nodes.values()) {
        if (!hasLingeringFlow(n.snapshot)) continue;
        const types = new Set(
          enabledEvents(x.model, n.snapshot, { callouts: 9, polls: 9 }).map((e) => e.type),
        );
        expect([...types].filter((t) => t !== 'traffic' && t !== 'poll')).toEqual([]);
      }
    },
  );

  it.each(EXPECTED.map(([d]) => d))(
    'replays every shortest path of a two-flow graph in the model to its state (%s)',
    // States are kept up to renumbering the flows; the paths must still be the model's own.
    (driver) => replaysEveryPath(two(driver)),
  );
});
