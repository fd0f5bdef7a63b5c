/**
 * `EngineMatchesModel`: the engine against the independent xstate model (model/), the quick
 * checks: the model names the engine's designs, the PR 50823 trace, the matrix's shared engine
 * states, and a broken engine that the check catches and fast-check shrinks. Every matrix run
 * judges the claim too (manifest.test.ts); the graphs, walks and coverage per design are in
 * engineMatchesModel.deep.test.ts (npm run test:deep).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { agentNames, agentVariants, findAgent } from '../engine/agent/variants/index.js';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { formatEvent } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { agentModelNames } from '../model/agents/index.js';
import { driverModelNames } from '../model/variants/index.js';
import { eventSequence } from '../generators/eventSequence.js';
import type { MatchResult } from './engineMatchesModel.js';
import { describeDivergence, engineMatchesModel, mismatchReport } from './engineMatchesModel.js';
import { skipExitDecrement } from './fixtures/brokenDrivers.js';
import { seq } from '../engine/seq.js';

const SEED = 20261125;
const LAYERS = 4;

const config = (driver: DriverVariant, agent: AgentVariant): EngineConfig => ({
  driver,
  agent,
  layers: LAYERS,
  clients: 1,
});

describe(`EngineMatchesModel (seed ${SEED})`, () => {
  test('the model names the same driver designs as the engine', () => {
    expect([...driverModelNames].sort()).toEqual([...driverNames].sort());
  });

  test('the model names the same agent designs as the engine', () => {
    expect([...agentModelNames].sort()).toEqual([...agentNames].sort());
  });

  // Every design of the registries, so that a new design file is checked with no edit here.
  for (const name of driverNames) {
    const c = config(findDriver(name) as DriverVariant, findAgent('postfix') as AgentVariant);
    test.prop([eventSequence({ ...c, flows: 2 })], { seed: SEED, numRuns: 30 })(
      `${name} runs generated step-level sequences in step with the model`,
      (events) => {
        const r = engineMatchesModel(c, events);
        expect(r.ok, mismatchReport(r, events)).toBe(true);
      },
    );
  }

  test('replays the PR 50823 trace (whole operations, no steps) in step with the model', () => {
    const events = seq('e1 t1 ce1 r1 fd1*4 cx1 p t1 p t1 p');
    for (const agent of agentVariants) {
      const r = engineMatchesModel(config(findDriver('original') as DriverVariant, agent), events);
      expect(r.ok, mismatchReport(r, events)).toBe(true);
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

  describe('a broken engine (fixtures/brokenDrivers.ts: the callout release skips its decrement)', () => {
    const broken = config(skipExitDecrement, findAgent('prefix') as AgentVariant);

    test('fails the check at the release, with both projections', () => {
      const events = seq('e1 ce1 cx1.decrement');
      const r = engineMatchesModel(broken, events, { driver: 'original' });
      expect(r).toMatchObject({ ok: false, step: 3, event: events[2] });
      expect(describeDivergence(r as Exclude<MatchResult, { ok: true }>)).toBe(
        [
          'EngineMatchesModel fails at step 3, calloutExit(1).decrement',
          '  engine: flow 1: open, refCount 6, not ended, shipped 0 closes/0 failures',
          '  model:  flow 1: open, refCount 5, not ended, shipped 0 closes/0 failures',
        ].join('\n'),
      );
    });

    test('is caught by fast-check, which shrinks to the three events that show it', () => {
      // Not a test.prop: the connector's properties must hold, and this one must be shown to fail.
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
  });
});
