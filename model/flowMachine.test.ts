/**
 * The machine stepped purely with `transition()`: the PR race strands a flow under the shipping
 * driver and not under the deferred move, malformed events are refused, and the flow lock makes
 * steps wait.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import type { Event, FlowId } from '../engine/events.js';
import { flowMachine } from './flowMachine.js';
import { regionState } from './modelTransitions.js';
import type { ModelSnapshot, SystemModel } from './systemModel.js';
import { modelStart, modelStep, systemModel } from './systemModel.js';

// A local shorthand (the model's tests do not load the engine): 'e1 ce1 r1 fd1.cas cx1.decrement p'.
function events(text: string): Event[] {
  return text.split(/\s+/).flatMap((tok): Event[] => {
    const m = /^(e|t|ce|cx|r|f|fd|p)(\d*)(?:\.(\w+))?(?:\*(\d+))?$/.exec(tok);
    if (m === null) throw new SyntaxError(tok);
    const [, k, n, step, times] = m;
    const flow = Number(n) as FlowId;
    const s = step === undefined ? {} : { step };
    const e: Event =
      k === 'e'
        ? { type: 'establish', flow }
        : k === 't'
          ? { type: 'traffic', flow, bytes: 10 }
          : k === 'ce'
            ? { type: 'calloutEnter', flow }
            : k === 'cx'
              ? { type: 'calloutExit', flow, ...s }
              : k === 'r'
                ? { type: 'reset', flow }
                : k === 'f'
                  ? { type: 'fin', flow }
                  : k === 'fd'
                    ? { type: 'flowDeleteNotify', flow, ...s }
                    : { type: 'poll', ...s };
    return Array.from({ length: Number(times ?? 1) }, () => e);
  });
}

/** Runs `text`; the snapshot after, or the first refused event. */
function runModel(m: SystemModel, text: string): ModelSnapshot {
  let s = modelStart(m);
  for (const e of events(text)) {
    const next = modelStep(m, s, e);
    if (next === null) throw new Error(`refused: ${JSON.stringify(e)}`);
    s = next;
  }
  return s;
}

const refuses = (m: SystemModel, before: string, e: string) =>
  modelStep(m, before === '' ? modelStart(m) : runModel(m, before), events(e)[0] as Event) === null;

const RACE =
  'e1 ce1 r1 fd1.cas fd1.decrement fd1.cas fd1.decrement fd1.cas fd1.decrement fd1.cas fd1.decrement cx1.decrement';

describe('flowMachine', () => {
  it('strands the flow in openFlows when a callout spans the last notify (original, the PR race)', () => {
    const s = runModel(systemModel({ driver: 'original' }), RACE);
    expect(regionState(s, 1)).toBe('lingering');
    expect(s.context.flows[0]).toMatchObject({
      table: 'open',
      refCount: 1,
      end: 'reset',
      notifies: 4,
    });
  });

  it('moves the flow when the callout exits before the last notify (original)', () => {
    const s = runModel(systemModel({ driver: 'original' }), 'e1 ce1 r1 fd1*3 cx1 fd1');
    expect(regionState(s, 1)).toBe('inClosedTable');
    expect(
      regionState(runModel(systemModel({ driver: 'original' }), 'e1 ce1 r1 fd1*3 cx1 fd1 p'), 1),
    ).toBe('freed');
  });

  it.each(['deferred-move', 'flow-lock'])(
    'moves the flow on the release after the PR race (%s)',
    (driver) => {
      const m = systemModel({ driver });
      const steps =
        driver === 'flow-lock'
          ? 'e1 ce1 r1 fd1*4 cx1.acquire cx1.update cx1.release'
          : 'e1 ce1 r1 fd1*4 cx1.decrement cx1.move';
      expect(regionState(runModel(m, steps), 1)).toBe('inClosedTable');
    },
  );

  it('strands the flow when the racy release reads pendingMove before the last notify (deferred-move-racy)', () => {
    const m = systemModel({ driver: 'deferred-move-racy' });
    const s = runModel(
      m,
      'e1 ce1 r1 fd1*3 cx1.readPending fd1.markPending fd1.decrement cx1.decrement',
    );
    expect(regionState(s, 1)).toBe('lingering');
    expect(s.context.flows[0]?.pendingMove).toBe(true);
  });

  it('refuses malformed events and leaves the snapshot as it was', () => {
    const m = systemModel({ driver: 'original' });
    expect(refuses(m, '', 'cx1')).toBe(true); // never established
    expect(refuses(m, 'e1', 'e1')).toBe(true); // established twice
    expect(refuses(m, 'e1', 'cx1')).toBe(true); // no callout in flight
    expect(refuses(m, 'e1', 'fd1')).toBe(true); // not ended yet
    expect(refuses(m, 'e1 r1', 'r1')).toBe(true); // already ended
    expect(refuses(m, 'e1 r1', 'fd1.decrement')).toBe(true); // the notify starts with cas
    expect(refuses(m, 'e1 r1 fd1.cas', 'fd1')).toBe(true); // part-way through: name the steps
    expect(refuses(m, 'e1 r1 fd1*4', 'fd1')).toBe(true); // all L notifies ran
    expect(refuses(m, 'e1 r1 fd1*4', 'ce1')).toBe(true); // no association left to classify on
    expect(refuses(m, '', 'p.readClosed')).toBe(true); // readOpen comes first
    expect(refuses(m, 'p.readOpen', 'p')).toBe(true); // part-way through
    const s = runModel(m, 'e1');
    expect(transition(m.machine, s, events('cx1')[0] as Event)[0]).toBe(s);
  });

  it('lets a step that would spin on the held flow lock not run, and the drain wait for the lock (flow-lock)', () => {
    const m = systemModel({ driver: 'flow-lock' });
    expect(refuses(m, 'e1 ce1 r1 fd1.acquire', 'cx1.acquire')).toBe(true);
    expect(refuses(m, 'e1 r1 fd1*3 fd1.acquire fd1.update p.readOpen', 'p.readClosed')).toBe(true);
    expect(
      refuses(m, 'e1 r1 fd1*3 fd1.acquire fd1.update fd1.release p.readOpen', 'p.readClosed'),
    ).toBe(false);
  });

  it('takes no notify or release without a driver design (the bare machine Stately tools load)', () => {
    const [s] = initialTransition(flowMachine, { layers: 4 });
    expect(s.value).toEqual({
      flow1: 'absent',
      poll: 'idle',
      drain: 'idle',
      client: 'registered',
    });
    const ended = transition(
      flowMachine,
      transition(flowMachine, s, events('e1')[0] as Event)[0],
      events('r1')[0] as Event,
    )[0];
    expect(ended.value).toMatchObject({ flow1: { established: 'ended' }, poll: 'idle' });
    expect(ended.can(events('fd1.cas')[0] as Event)).toBe(false);
  });
});
