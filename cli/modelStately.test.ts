/**
 * `model --format stately --json` round-trips: loading its machine with xstate's `createMachine`
 * and providing the designs' guards and actions by name (model/machineJsonImplementations.ts)
 * gives a machine whose exploration has the states, transitions and shortest lingering path that
 * `model --json` prints for the same design and bounds.
 */
import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { eventToJson } from '../engine/events.js';
import type { FlowMachine } from '../model/flowMachine.js';
import { exploreModel, pathTo } from '../model/exploreModel.js';
import { machineJsonImplementations } from '../model/machineJsonImplementations.js';
import { systemModel } from '../model/systemModel.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

async function json(argv: string[]): Promise<Record<string, unknown>> {
  const b = bufferIo();
  expect(await main(argv, b.io)).toBe(0);
  return JSON.parse(b.stdout()) as Record<string, unknown>;
}

const CASES = [
  { driver: 'original', agent: 'prefix', flows: 1, layers: 2, callouts: 1, polls: 1 },
  { driver: 'deferred-move', agent: 'postfix', flows: 1, layers: 2, callouts: 1, polls: 1 },
  { driver: 'flow-lock', agent: 'close-record', flows: 2, layers: 1, callouts: 1, polls: 0 },
];

describe('model --format stately --json', () => {
  it.each(CASES)('loads into xstate and explores as $driver × $agent does', async (c) => {
    const argv = ['--driver', c.driver, '--agent', c.agent, '--flows', `${c.flows}`];
    const bounds = [
      '--layers',
      `${c.layers}`,
      '--callouts',
      `${c.callouts}`,
      '--polls',
      `${c.polls}`,
    ];
    const doc = await json([
      'model',
      ...argv,
      '--layers',
      `${c.layers}`,
      '--format',
      'stately',
      '--json',
    ]);
    expect(doc.format).toBe('lingering-xstate-machine/v1');
    const design = systemModel(c).machine;
    const loaded = createMachine(doc.machine as never).provide(
      machineJsonImplementations(design),
    ) as unknown as FlowMachine;

    const x = exploreModel(c, { callouts: c.callouts, polls: c.polls, machine: loaded });
    const printed = await json(['model', ...argv, ...bounds, '--json']);
    expect(x.nodes.size).toBe(printed.states);
    expect(x.edges.length).toBe(printed.transitions);
    const path = x.lingering === null ? [] : pathTo(x, x.lingering.key).map(eventToJson);
    expect(path).toEqual(printed.lingeringPath ?? []);
    expect(x.nodes.size).toBeGreaterThan(10);
  });

  it('fails to load without the implementations, as a machine of named guards should', () => {
    const design = systemModel(CASES[0] as (typeof CASES)[number]).machine;
    const loaded = createMachine({
      id: 'x',
      initial: 'a',
      states: {
        a: { on: { go: { target: 'b', guard: { type: 'isForFlow', params: { flow: 1 } } } } },
        b: {},
      },
    });
    expect(() =>
      loaded.transition(
        loaded.resolveState({ value: 'a', context: {} }),
        { type: 'go' },
        {} as never,
      ),
    ).toThrow(/isForFlow/);
    expect(Object.keys(machineJsonImplementations(design).guards)).toContain('and');
  });
});
