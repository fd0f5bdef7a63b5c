/**
 * The machine stepped purely with `transition()`: the PR race strands a flow under the shipping
 * driver and not under the deferred move, malformed events are refused, the flow lock makes
 * steps wait, and the environment's events (docs/environment.md) move the drain and client
 * regions and the tables as they say.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import type { Event } from '../engine/events.js';
import { flowMachine } from './flowMachine.js';
import { regionState } from './modelTransitions.js';
import { shorthand } from './shorthand.js';
import type { ModelSnapshot, SystemModel } from './systemModel.js';
import { modelStart, modelStep, systemModel } from './systemModel.js';

const events = shorthand;

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
    expect(s.context.flows[0]?.memory.pendingMove).toBe(true);
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

  it.each([
    ['e1', 'e2@1', 'a live flow holds tuple 1'],
    ['e2@1', 'e1', "flow 1's own tuple is live in flow 2"],
    ['e1 f1 e2@1', 'e3@1', 'flow 2 took tuple 1 again'],
    ['', 'p@2', 'the model has client 1 only'],
    ['', 'reg1', 'client 1 is registered from the start'],
    ['', 'reg2', 'no client 2'],
    ['exp1', 'exp1', 'client 1 has expired already'],
    ['e1 e2', 'p.readOpen[1]', 'the order leaves flow 2 out'],
    ['e1 e2', 'p.readOpen[1,1]', 'the order names flow 1 twice'],
    ['e1 e2', 'p[1,2]', 'a whole poll takes no order'],
    ['e1 r1 fd1*4 p.readOpen', 'p.readClosed[2]', 'flow 2 is not in closedFlows'],
    ['e1 p.readOpen', 'p@2.readClosed', "the poll in flight is client 1's"],
    ['e1', 'd.read', 'closedFlows is empty'],
    ['e1 r1 fd1*4', 'd.store', 'the drain holds nothing'],
    ['e1 r1 fd1*4', 'd1', 'a whole drain names no flow'],
    ['e1 r1 fd1*4 d.read', 'd2.store', 'the drain holds no record of flow 2'],
    ['e1 r1 fd1*4 d.read e2 r2 fd2*4', 'd.read', 'the drain still holds a record'],
  ])('refuses, after "%s", %s: %s', (before, e) => {
    expect(refuses(systemModel({ driver: 'original', flows: 3 }), before, e)).toBe(true);
  });

  it('takes the tuple of an ended flow, reads a table in the order a step names, and accepts client 1 by name', () => {
    const m = systemModel({ driver: 'original', flows: 3 });
    const s = runModel(m, 'e2 e1 f2 e3@2 p@1.readOpen');
    expect(s.context.flows.map((f) => f?.tuple)).toEqual([1, 2, 2]);
    // openFlows in insertion order: 2, 1, 3.
    expect(s.context.poll?.open.map((r) => r.flow)).toEqual([2, 1, 3]);
    const t = runModel(m, 'e2 e1 f2 e3@2 p.readOpen[3,1,2]');
    expect(t.context.poll?.open.map((r) => r.flow)).toEqual([3, 1, 2]);
  });

  it('drains closedFlows asynchronously: the read takes the flow out of both tables, each store fills client 1’s buffer (original)', () => {
    const m = systemModel({ driver: 'original', flows: 3 });
    const read = runModel(m, 'e1 r1 fd1*4 e2 f2 fd2*4 d.read');
    expect(read.value).toMatchObject({
      flow1: { established: 'freed' },
      flow2: { established: 'freed' },
      drain: 'holding',
    });
    expect(read.context.held.map((r) => r.flow)).toEqual([1, 2]);
    const stored = runModel(m, 'e1 r1 fd1*4 e2 f2 fd2*4 d.read d2.store');
    expect(stored.context.client?.closed.map((r) => r.flow)).toEqual([2]);
    const over = runModel(m, 'e1 r1 fd1*4 e2 f2 fd2*4 d.read d2.store d.store');
    expect([over.value, over.context.held]).toMatchObject([{ drain: 'idle' }, []]);
    // Non-empty records before empty ones: flow 2 ended by a fin with no bytes.
    expect(over.context.client?.closed.map((r) => r.flow)).toEqual([1, 2]);
    expect(runModel(m, 'e1 r1 fd1*4 d').value).toMatchObject({ drain: 'idle' });
  });

  it('makes the drain read wait for the flow lock, as the poll’s closed read does (flow-lock)', () => {
    const m = systemModel({ driver: 'flow-lock' });
    expect(refuses(m, 'e1 r1 fd1*3 fd1.acquire fd1.update', 'd.read')).toBe(true);
    expect(refuses(m, 'e1 r1 fd1*3 fd1.acquire fd1.update fd1.release', 'd.read')).toBe(false);
  });

  it('expires client 1, registers it again, or lets a poll re-create it', () => {
    const m = systemModel({ driver: 'original' });
    const expired = runModel(m, 'e1 t1 p exp1');
    expect([expired.value, expired.context.client]).toMatchObject([{ client: 'expired' }, null]);
    expect(expired.context.flows[0]?.baseline).toBeNull();
    expect(runModel(m, 'e1 t1 p exp1 reg1').value).toMatchObject({ client: 'registered' });
    const recreated = runModel(m, 'e1 t1 p exp1 p');
    expect([recreated.value, recreated.context.client]).toMatchObject([
      { client: 'registered' },
      { closed: [] },
    ]);
  });
});
