/**
 * The explorer and the xstate model (model/exploreModel.ts) agree on where a lingering flow is
 * reachable and on the length of the shortest path to one, in both environments: the explorer
 * runs the engine, the model its own machine, and neither shares code with the other.
 *
 * Bounds are matched where they differ in kind: the model bounds callouts held at once, the
 * explorer callout entries; one callout is all the race needs, and neither traffic nor a poll lies
 * on the shortest path, so with one of each (or none) the shortest lengths are comparable.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import { isEnded } from '../engine/driver/flow.js';
import { allFlows } from '../engine/driver/tables.js';
import type { Environment } from '../engine/environment.js';
import { exploreModel } from '../model/exploreModel.js';
import { lingering } from '../invariants/explain/lingering.js';
import { fails, HOLDS, type Invariant } from '../invariants/Invariant.js';
import { explore } from './bfs.js';

/** The model's `isStranded`, said of the engine: ended, in openFlows, nothing left to move it. */
const NoStrandedFlow: Invariant = {
  name: 'NoStrandedFlow',
  statement: 'no ended flow sits in openFlows with every notification run and no callout left',
  when: 'everyStep',
  check: ({ driver }) => {
    const stuck = allFlows(driver).find(
      (f) =>
        isEnded(f) &&
        driver.openFlows.includes(f.id) &&
        f.notifies === driver.layers &&
        f.notify === null &&
        f.callouts === 0 &&
        f.exit === null,
    );
    return stuck === undefined ? HOLDS : fails(`flow ${stuck.id}`, 'stranded');
  },
  scope: 'wholeState',
  explain: lingering,
  witness: {
    driver: 'deferred-move-racy',
    agent: 'postfix',
    trace: 'e1 ce1 r1 fd1*3 cx1.readPending fd1 cx1.decrement',
  },
};

const shortestStranded = (
  driver: string,
  flows: number,
  layers: number,
  polls: number,
  environment: Environment = 'isolated',
  tuples = flows,
) => {
  const r = explore(
    {
      driver: findDriver(driver)!,
      agent: findAgent('postfix')!,
      bounds: { flows, tuples, callouts: 1, polls, layers, traffic: polls > 0 ? 1 : 0 },
      environment,
    },
    { invariants: [NoStrandedFlow] },
  );
  return r.violations[0]?.depth ?? null;
};

describe('the explorer and the model agree on the lingering flow', () => {
  it.each(driverNames.map((d) => [d]))('%s, one flow, L = 4', (driver) => {
    const model = exploreModel({ driver, flows: 1, layers: 4 }, { callouts: 1, polls: 1 });
    expect(shortestStranded(driver, 1, 4, 1)).toBe(model.lingering?.depth ?? null);
  });

  it.each(driverNames.map((d) => [d]))(
    '%s, two flows, L = 1; in production too, the two flows in one tuple',
    (driver) => {
      const model = exploreModel({ driver, flows: 2, layers: 1 }, { callouts: 1, polls: 0 });
      // Stranding is the driver's: neither the drain, churn nor a shared tuple shortens it.
      expect([
        shortestStranded(driver, 2, 1, 0),
        shortestStranded(driver, 2, 1, 0, 'production', 1),
      ]).toEqual([model.lingering?.depth ?? null, model.lingering?.depth ?? null]);
    },
  );

  it.each(driverNames.map((d) => [d]))('%s, one flow, L = 1, production', (driver) => {
    const model = exploreModel(
      { driver, flows: 1, layers: 1 },
      { callouts: 1, polls: 1, environment: 'production' },
    );
    expect(shortestStranded(driver, 1, 1, 1, 'production')).toBe(model.lingering?.depth ?? null);
  });
});
