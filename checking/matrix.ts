/**
 * The fix-design matrix (the main job): every driver × agent pair against every invariant, over
 * sequences generated in one environment (docs/environment.md), with fast-check shrinking a
 * counterexample for each violated cell. The verdicts are what the engine finds; nothing here
 * knows which cell "should" fail.
 */
import fc from 'fast-check';
import { agentVariants } from '../engine/agent/variants/index.js';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { driverVariants } from '../engine/driver/variants/index.js';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import { DEFAULT_LAYERS } from '../engine/EngineState.js';
import type { Environment } from '../engine/environment.js';
import { DEFAULT_ENVIRONMENT, environmentFeatures } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import { intents } from '../generators/eventSequence.js';
import { judge } from '../invariants/checkTrace.js';
import { invariants as ENGINE_INVARIANTS } from '../invariants/index.js';
import type { Invariant } from '../invariants/Invariant.js';
import { materialize } from '../generators/materialize.js';
import type { Scenario } from '../generators/scenarios.js';
import { scenariosOf } from '../generators/scenarios.js';

/** A generated run: its events and the engine states along them (`states[0]` the start). */
export interface Run {
  readonly events: readonly Event[];
  readonly states: readonly EngineState[];
}

/** A claim the matrix judges on one run: an engine invariant, or a model comparison. */
export interface MatrixProperty {
  readonly name: string;
  readonly statement: string;
  /** True when the claim holds on the run for this pair. */
  readonly holds: (config: EngineConfig, run: Run) => boolean;
}

/** One cell. */
export interface Cell {
  readonly driver: string;
  readonly agent: string;
  readonly invariant: string;
  readonly verdict: 'holds' | 'violated';
  /** Sequences run: all of them when it holds, up to the first failure when violated. */
  readonly tried: number;
  readonly counterexampleLength: number | null;
  readonly counterexample: readonly Event[] | null;
}

/** How often a scenario occurred in a pair's runs. */
export interface Reached {
  readonly driver: string;
  readonly agent: string;
  readonly scenario: string;
  readonly runs: number;
}

/** The matrix. */
export interface Matrix {
  readonly environment: Environment;
  readonly seed: number;
  readonly runs: number;
  readonly layers: number;
  readonly cells: readonly Cell[];
  readonly sometimes: readonly Reached[];
}

/** Options of {@link runMatrix}. */
export interface MatrixOptions {
  /** @defaultValue 'production' */
  readonly environment?: Environment;
  readonly seed: number;
  readonly runs: number;
  readonly layers?: number;
  readonly drivers?: readonly DriverVariant[];
  readonly agents?: readonly AgentVariant[];
  /** Extra claims beside the engine invariants (EngineMatchesModel). */
  readonly extra?: readonly MatrixProperty[];
  readonly invariants?: readonly Invariant[];
  readonly scenarios?: readonly Scenario[];
  readonly onPair?: (driver: string, agent: string, index: number, total: number) => void;
}

/** Intents drawn per run, and polls allowed per run. */
export const MATRIX_BOUNDS = { intents: 80, polls: 8, callouts: 2 } as const;

/** Runs over 1–4 flows for one pair in an environment (the flow count shrinks towards 1). */
export const matrixRuns = (
  config: EngineConfig,
  environment: Environment = DEFAULT_ENVIRONMENT,
): fc.Arbitrary<Run> =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), intents(MATRIX_BOUNDS.intents, environment))
    .map(([flows, list]) =>
      materialize(
        {
          ...config,
          flows,
          callouts: MATRIX_BOUNDS.callouts,
          polls: MATRIX_BOUNDS.polls,
          features: environmentFeatures(environment),
        },
        list,
      ),
    );

/** A claim per engine invariant, judged on the run's states. */
const invariantProperty = (inv: Invariant): MatrixProperty => ({
  name: inv.name,
  statement: inv.statement,
  holds: (config, run) =>
    judge(config, run.states, [inv]).verdicts.every((v) => v.verdict === 'holds'),
});

function scan(
  config: EngineConfig,
  run: Run,
  scenarios: readonly Scenario[],
  extra: readonly MatrixProperty[],
  hits: number[],
) {
  const { events, states } = run;
  scenarios.forEach((s, i) => {
    for (let k = 0; k < events.length; k++) {
      if (s.seen(states[k] as EngineState, events[k] as Event, states[k + 1] as EngineState)) {
        hits[i] = (hits[i] ?? 0) + 1;
        break;
      }
    }
  });
  const broken = judge(config, states)
    .verdicts.filter((v) => v.verdict === 'violated')
    .map((v) => v.invariant.name);
  return new Set([...broken, ...extra.filter((p) => !p.holds(config, run)).map((p) => p.name)]);
}

/**
 * Runs the matrix. Deterministic for a given seed and run count.
 *
 * @example
 * runMatrix({ seed: 1, runs: 100 }).cells.find((c) => c.driver === 'original' && c.agent === 'prefix' && c.invariant === 'RateAtMost100')?.verdict
 * //=> 'violated'
 */
export function runMatrix(options: MatrixOptions): Matrix {
  const layers = options.layers ?? DEFAULT_LAYERS;
  const environment = options.environment ?? DEFAULT_ENVIRONMENT;
  const drivers = options.drivers ?? driverVariants;
  const agents = options.agents ?? agentVariants;
  const invs = options.invariants ?? ENGINE_INVARIANTS;
  const scenarios = options.scenarios ?? scenariosOf(environment);
  const extra = options.extra ?? [];
  const cells: Cell[] = [];
  const sometimes: Reached[] = [];
  const total = drivers.length * agents.length;
  let index = 0;
  for (const driver of drivers) {
    for (const agent of agents) {
      options.onPair?.(driver.name, agent.name, ++index, total);
      const config: EngineConfig = { driver, agent, layers, clients: 1 };
      const arb = matrixRuns(config, environment);
      // One pass over the runs: which claims (invariants and extras) break first in which run, which
      // scenarios occur; a claim that never breaks needs no second pass.
      const firstFailure = new Map<string, number>();
      const hits: number[] = [];
      let runIndex = 0;
      fc.assert(
        fc.property(arb, (run) => {
          for (const name of scan(config, run, scenarios, extra, hits)) {
            if (!firstFailure.has(name)) firstFailure.set(name, runIndex);
          }
          runIndex++;
        }),
        { seed: options.seed, numRuns: options.runs },
      );
      scenarios.forEach((s, i) =>
        sometimes.push({
          driver: driver.name,
          agent: agent.name,
          scenario: s.name,
          runs: hits[i] ?? 0,
        }),
      );
      const claims = [...invs.map(invariantProperty), ...extra];
      for (const claim of claims) {
        const first = firstFailure.get(claim.name);
        if (first === undefined) {
          cells.push({
            driver: driver.name,
            agent: agent.name,
            invariant: claim.name,
            verdict: 'holds',
            tried: options.runs,
            counterexampleLength: null,
            counterexample: null,
          });
          continue;
        }
        // Again from the same seed, now failing on this claim alone so that fast-check shrinks for
        // it; `path` jumps straight to the first run that broke it.
        const d = fc.check(
          fc.property(arb, (run) => claim.holds(config, run)),
          // Shrinking is this pass's job, whatever fast-check's global configuration says.
          { seed: options.seed, numRuns: options.runs, path: String(first), endOnFailure: false },
        );
        const cex = d.failed ? (d.counterexample?.[0]?.events ?? null) : null;
        cells.push({
          driver: driver.name,
          agent: agent.name,
          invariant: claim.name,
          verdict: cex === null ? 'holds' : 'violated',
          tried: first + 1,
          counterexampleLength: cex === null ? null : cex.length,
          counterexample: cex,
        });
      }
    }
  }
  return { environment, seed: options.seed, runs: options.runs, layers, cells, sometimes };
}
