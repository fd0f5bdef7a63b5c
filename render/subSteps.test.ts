import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { goto } from '../engine/driver/DriverVariant.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { seq } from '../engine/seq.js';
import { subSteps } from './subSteps.js';

const ONE = flowId(1);

/** The state after the hand-written trace `text`, under driver `driver` and the prefix agent. */
function stateAfter(text: string, driver: string | DriverVariant = 'original'): EngineState {
  const config = {
    driver: typeof driver === 'string' ? findDriver(driver)! : driver,
    agent: findAgent('prefix')!,
    layers: 4,
    clients: 1,
  };
  const run = runEvents(config, seq(text));
  if (!run.ok) throw run.error;
  return run.value.at(-1)!;
}

/** Each step's name and what its interlocked instruction saw. */
const seen = (before: EngineState, event: Event) =>
  subSteps(before, event).map((s) => [s.name, s.saw]);

describe('subSteps', () => {
  it('replays a whole notify one step at a time, with what each step saw', () => {
    const before = stateAfter('e1 ce1 ce1 r1', 'cas-retry');
    expect(seen(before, { type: 'flowDeleteNotify', flow: ONE })).toEqual([
      ['cas', 7],
      ['retry', 7],
      ['retry', 7],
      ['decrement', null],
    ]);
  });

  it('says what a later step saw when only its value changed', () => {
    const before = stateAfter('e1 ce1 r1 fd1*4', 'deferred-move-racy');
    expect(seen(before, { type: 'calloutExit', flow: ONE })).toEqual([
      ['readPending', null],
      ['decrement', 1],
      ['move', null],
    ]);
  });

  it('replays only the step an event names', () => {
    const before = stateAfter('e1 r1 fd1*3');
    expect(seen(before, { type: 'flowDeleteNotify', flow: ONE, step: 'cas' })).toEqual([
      ['cas', 2],
    ]);
  });

  it('gives no steps for an event the engine would refuse', () => {
    const before = stateAfter('e1 r1 fd1*3');
    expect(subSteps(before, { type: 'flowDeleteNotify', flow: ONE, step: 'move' })).toEqual([]);
    expect(subSteps(before, { type: 'calloutExit', flow: flowId(9) })).toEqual([]);
  });

  it('gives no steps for an event that is neither a notify nor a release', () => {
    expect(subSteps(stateAfter('e1'), { type: 'reset', flow: ONE })).toEqual([]);
  });

  it('gives up on an operation that never ends after 32 steps', () => {
    const spinning: DriverVariant = {
      ...findDriver('original')!,
      name: 'spinning',
      calloutExit: { spin: ({ driver }) => goto(driver, 'spin') },
    };
    const steps = subSteps(stateAfter('e1 ce1', spinning), { type: 'calloutExit', flow: ONE });
    expect(steps.map((s) => s.name)).toEqual(Array.from({ length: 32 }, () => 'spin'));
  });
});
