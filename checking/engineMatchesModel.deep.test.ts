/**
 * `EngineMatchesModel` in depth (npm run test:deep; CI runs it beside npm test): per driver
 * design, every shortest path and transition of the bounded one-flow graph with the production
 * events, small two-flow graphs, 250 `eventSequence` runs per agent design (1–2 flows × 125),
 * graph-seeded walks and the transition coverage they reach; and a broken engine that the graph
 * replay catches at its shortest path. The quick checks and fast-check's catch of the broken
 * engine: engineMatchesModel.test.ts; every matrix run also judges the claim.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import type { Exploration } from '../model/exploreModel.js';
import { exploreModel } from '../model/exploreModel.js';
import { modelTransitions } from '../model/modelTransitions.js';
import { eventSequence } from '../generators/eventSequence.js';
import { engineMatchesModel, mismatchReport, modelFor } from './engineMatchesModel.js';
import { graphMatchesEngine } from './engineMatchesModelGraph.js';
import { skipExitDecrement } from './fixtures/brokenDrivers.js';
import type { WalkPlan, WalkTarget } from '../generators/modelWalk.js';
import { everyTarget, walkEvents, walkPlan, walkTargets } from '../generators/modelWalk.js';

const SEED = 20261125;
const LAYERS = 4;
/**
 * The one-flow graph's bounds, with the production environment's events (the drain, client 1's
 * churn): the coverage universe and the seeds of the walks.
 */
const GRAPH = { callouts: 2, polls: 2, environment: 'production' } as const;
/** Runs per agent × flow count (2 × 125 per agent and driver), in the production environment. */
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

describe(`EngineMatchesModel in depth (seed ${SEED})`, () => {
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
      expect(d === null ? '' : mismatchReport(d.result, d.events)).toBe('');
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
        expect(d === null ? '' : mismatchReport(d.result, d.events)).toBe('');
      },
    );

    describe.each(agentNames)(`EngineMatchesModel holds for ${name} + %s`, (agentName) => {
      const agent = findAgent(agentName) as AgentVariant;
      const c = config(driver, agent);
      for (const flows of FLOWS) {
        test.prop([eventSequence({ driver, agent, flows, layers: LAYERS })], {
          seed: SEED,
          numRuns: RUNS,
        })(`over ${flows} flow(s), ${RUNS} eventSequence runs`, (events) => {
          const r = run(c, events, flows, [all[flows], generated[flows]]);
          if (!r.ok) throw new Error(mismatchReport(r, events));
        });
      }
    });

    test.each(FLOWS)(
      `EngineMatchesModel holds on graph-seeded walks over %d flow(s) (one per transition and flow, then ${WALKS} random)`,
      (flows) => {
        const { graph, targets } = oneFlow();
        const m = modelFor(name, 'prefix', flows, LAYERS);
        const bounds = {
          callouts: GRAPH.callouts,
          polls: GRAPH.polls + 2,
          environment: GRAPH.environment,
        };
        const c = config(driver, prefix);
        // Not a test.prop: the arbitrary, run count and examples come from the one-flow graph,
        // explored when a test first needs it rather than while vitest collects the file.
        fc.assert(
          fc.property(walkPlan(targets.length, flows), (plan: WalkPlan) => {
            const events = walkEvents(graph, targets, m, bounds, plan);
            const r = run(c, events, flows, [all[flows]]);
            if (!r.ok) throw new Error(mismatchReport(r, events));
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
