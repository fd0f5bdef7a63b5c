/**
 * SPEC 2.4 `EngineMatchesModel`: the engine against the independent xstate model (model/). Per
 * driver design: every shortest path and transition of the bounded one-flow graph, small
 * two-flow graphs, 1,000 `eventSequence` runs (4 agents × 1–2 flows × 125), graph-seeded walks,
 * and the coverage those property runs reach. Then a broken engine that the check must catch.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { agentNames, agentVariants, findAgent } from '../engine/agent/variants/index.js';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { agentModelNames } from '../model/agents/index.js';
import type { Exploration } from '../model/exploreModel.js';
import { exploreModel } from '../model/exploreModel.js';
import { modelTransitions } from '../model/modelTransitions.js';
import { driverModelNames } from '../model/variants/index.js';
import { eventSequence } from './arbitraries/eventSequence.js';
import type { MatchResult } from './engineMatchesModel.js';
import { describeDivergence, engineMatchesModel, modelFor } from './engineMatchesModel.js';
import { graphMatchesEngine } from './engineMatchesModelGraph.js';
import { skipExitDecrement } from './fixtures/brokenDrivers.js';
import type { WalkPlan, WalkTarget } from './modelWalk.js';
import { everyTarget, walkEvents, walkPlan, walkTargets } from './modelWalk.js';
import { seq } from './seq.js';

const SEED = 20261125;
const LAYERS = 4;
/**
 * The one-flow graph's bounds, with the production environment's events (the drain, client 1's
 * churn): the coverage universe and the seeds of the walks.
 */
const GRAPH = { callouts: 2, polls: 2, environment: 'production' } as const;
/** Runs per agent × flow count: 5 × 2 × 125 = 1,250 per driver, in the production environment. */
const RUNS = 125;
/** Random walks per flow count, after one example per transition and flow. */
const WALKS = 100;
const FLOWS = [1, 2] as const;

const config = (driver: DriverVariant, agent: AgentVariant): EngineConfig => ({
  driver,
  agent,
  layers: LAYERS,
  clients: 1,
});

const failure = (r: MatchResult, events: readonly Event[]): string =>
  r.ok ? '' : `${describeDivergence(r)}\n  events: ${events.map(formatEvent).join(' ')}`;

/** Per flow count, the `flow<k>: transition` items the runs took. */
type Covered = Record<(typeof FLOWS)[number], Set<string>>;
const covered = (): Covered => ({ 1: new Set(), 2: new Set() });

function run(c: EngineConfig, events: readonly Event[], flows: number, into: Set<string>[]) {
  return engineMatchesModel(c, events, {
    flows,
    onModelStep: (before, e, after) => {
      for (const t of modelTransitions(before, e, after)) for (const s of into) s.add(t);
    },
  });
}

describe(`EngineMatchesModel (seed ${SEED})`, () => {
  test('the model names the same driver designs as the engine', () => {
    expect([...driverModelNames].sort()).toEqual([...driverNames].sort());
  });

  test('the model names the same agent designs as the engine', () => {
    expect([...agentModelNames].sort()).toEqual([...agentNames].sort());
  });

  test('replays the PR 50823 trace (whole operations, no steps) in step with the model', () => {
    const events = seq('e1 t1 ce1 r1 fd1*4 cx1 p t1 p t1 p');
    for (const agent of agentVariants) {
      const r = engineMatchesModel(config(findDriver('original') as DriverVariant, agent), events);
      expect(r.ok, failure(r, events)).toBe(true);
    }
  });

  test('takes engine states the caller already has (the matrix runs the engine once)', () => {
    const c = config(findDriver('original') as DriverVariant, agentVariants[0] as AgentVariant);
    const events = seq('e1 ce1 r1 fd1*4 cx1 p');
    const states = runEvents(c, events);
    expect(states.ok && engineMatchesModel(c, events, { engineStates: states.value })).toEqual({
      ok: true,
    });
    const broken = runEvents({ ...c, driver: skipExitDecrement }, events);
    expect(
      broken.ok && engineMatchesModel(c, events, { engineStates: broken.value }),
    ).toMatchObject({ ok: false, step: 8 });
  });

  test('refuses a config with more than one agent client: the model describes one', () => {
    const c = {
      ...config(findDriver('original') as DriverVariant, agentVariants[0] as AgentVariant),
      clients: 2,
    };
    expect(() => engineMatchesModel(c, seq('e1'))).toThrow(/one agent client/);
  });

  describe.each(driverNames)('%s', (name) => {
    const driver = findDriver(name) as DriverVariant;
    const prefix = findAgent('prefix') as AgentVariant;
    let explored: { graph: Exploration; targets: WalkTarget[] } | undefined;
    const oneFlow = () => {
      if (explored === undefined) {
        const graph = exploreModel({ driver: name, flows: 1, layers: LAYERS }, GRAPH);
        explored = { graph, targets: walkTargets(graph) };
      }
      return explored;
    };
    const all = covered();
    const generated = covered();

    test('every shortest path and every transition of the one-flow graph replays through the engine', () => {
      const { graph } = oneFlow();
      const check = graphMatchesEngine(graph, config(driver, prefix));
      const d = check.divergence;
      expect(d === null ? '' : failure(d.result, d.events)).toBe('');
      expect(check.paths).toBe(graph.nodes.size);
      expect(check.transitions).toBe(graph.edges.length);
    });

    test.each([
      ['prefix', 1, 0],
      ['prefix', 0, 1],
      ['postfix', 0, 1],
    ] as const)(
      'every shortest path of a two-flow graph replays through the engine (%s, L=1, %d callout(s), %d poll(s))',
      (agent, callouts, polls) => {
        const x = exploreModel({ driver: name, agent, flows: 2, layers: 1 }, { callouts, polls });
        const c = { ...config(driver, findAgent(agent) as AgentVariant), layers: 1 };
        const d = graphMatchesEngine(x, c).divergence;
        expect(d === null ? '' : failure(d.result, d.events)).toBe('');
      },
    );

    describe.each(agentNames)(`EngineMatchesModel holds for ${name} + %s`, (agentName) => {
      const agent = findAgent(agentName) as AgentVariant;
      test.each(FLOWS)(`over %d flow(s), ${RUNS} eventSequence runs`, (flows) => {
        const c = config(driver, agent);
        fc.assert(
          fc.property(eventSequence({ driver, agent, flows, layers: LAYERS }), (events) => {
            const r = run(c, events, flows, [all[flows], generated[flows]]);
            if (!r.ok) throw new Error(failure(r, events));
          }),
          { seed: SEED, numRuns: RUNS },
        );
      });
    });

    test.each(FLOWS)(
      `EngineMatchesModel holds on graph-seeded walks over %d flow(s) (one per transition and flow, then ${WALKS} random)`,
      (flows) => {
        const { graph, targets } = oneFlow();
        const m = modelFor(name, 'prefix', flows, LAYERS);
        const bounds = { callouts: GRAPH.callouts, polls: GRAPH.polls + 2, environment: GRAPH.environment };
        const c = config(driver, prefix);
        fc.assert(
          fc.property(walkPlan(targets.length, flows), (plan: WalkPlan) => {
            const events = walkEvents(graph, targets, m, bounds, plan);
            const r = run(c, events, flows, [all[flows]]);
            if (!r.ok) throw new Error(failure(r, events));
          }),
          {
            seed: SEED,
            numRuns: everyTarget(targets.length, flows).length + WALKS,
            examples: everyTarget(targets.length, flows),
          },
        );
      },
    );

    test('the property runs take every transition of the one-flow graph, in each flow region, with 1 and 2 flows', () => {
      const universe = oneFlow().targets.map((t) => t.transition);
      const report: string[] = [];
      for (const flows of FLOWS) {
        const expected = FLOWS.filter((k) => k <= flows).flatMap((k) =>
          universe.map((t) => `flow${k}: ${t}`),
        );
        const missing = expected.filter((t) => !all[flows].has(t));
        const outside = [...all[flows]].filter((t) => !expected.includes(t));
        const byGenerator = expected.filter((t) => generated[flows].has(t)).length;
        report.push(
          `${flows} flow(s): ${expected.length - missing.length}/${expected.length} ` +
            `(eventSequence alone ${byGenerator}/${expected.length})`,
        );
        expect(missing).toEqual([]);
        // No run left the universe: the one-flow graph's transitions are every flow's.
        expect(outside).toEqual([]);
      }
      console.log(`transition coverage ${name}: ${report.join('; ')}`);
    });
  });

  describe('a broken engine (fixtures/brokenDrivers.ts: the callout release skips its decrement)', () => {
    const broken = config(skipExitDecrement, findAgent('prefix') as AgentVariant);

    test('fails the check at the release, with both projections', () => {
      const events = seq('e1 ce1 cx1.decrement');
      const r = engineMatchesModel(broken, events, { driver: 'original' });
      expect(r).toMatchObject({ ok: false, step: 3, event: events[2] });
      expect(describeDivergence(r as Exclude<MatchResult, { ok: true }>)).toBe(
        [
          'EngineMatchesModel fails at step 3, calloutExit(1).decrement',
          '  engine: flow 1: open, refCount 6, not ended, pendingMove false, shipped 0 closes/0 failures',
          '  model:  flow 1: open, refCount 5, not ended, pendingMove false, shipped 0 closes/0 failures',
        ].join('\n'),
      );
    });

    test('is caught by fast-check, which shrinks to the three events that show it', () => {
      const out = fc.check(
        fc.property(
          eventSequence({ ...broken, flows: 2, layers: LAYERS }),
          (events) => engineMatchesModel(broken, events, { driver: 'original' }).ok,
        ),
        { seed: SEED, numRuns: 1000 },
      );
      expect(out.failed).toBe(true);
      expect((out.counterexample?.[0] ?? []).map(formatEvent)).toEqual([
        'establish(1)',
        'calloutEnter(1)',
        'calloutExit(1).decrement',
      ]);
    });

    test('is caught by the graph replay at its shortest path', () => {
      const x = exploreModel({ driver: 'original', flows: 1, layers: LAYERS }, GRAPH);
      const d = graphMatchesEngine(x, broken).divergence;
      expect(d?.events.map(formatEvent)).toEqual([
        'establish(1)',
        'calloutEnter(1)',
        'calloutExit(1).decrement',
      ]);
    });
  });
});
