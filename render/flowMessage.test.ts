import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture } from '../cli/pictureFixtures.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineState } from '../engine/EngineState.js';
import { flowId } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { flowMessage } from './flowMessage.js';

/** Each step's arrows of a hand-written trace, as `from->to label | detail`. */
const arrows = (text: string, fields: Parameters<typeof inlinePicture>[1] = {}): string[] =>
  inlinePicture(seq(text), fields).steps.flatMap((s) =>
    s.messages.map((m) => `${m.from}->${m.to} ${m.label} | ${m.detail}`),
  );

/** What each step of a hand-written trace changed. */
const changes = (text: string, fields: Parameters<typeof inlinePicture>[1] = {}): string[] =>
  inlinePicture(seq(text), fields).steps.map((s) => s.change);

describe('flowMessage: establish', () => {
  it('says nothing of the tuple when it is the flow’s own and no other flow had it', () => {
    expect(changes('e1 e2')).toEqual(['flow 1 open, refCount 5', 'flow 2 open, refCount 5']);
  });

  it('names every earlier flow of the tuple, and where each is', () => {
    const c = changes('e1 f1 fd1*4 p e2@1 f2 fd2*4 p e3@1 e4');
    expect(c[7]).toBe('flow 2 open, refCount 5, tuple 1 reused from flow 1, in no table');
    expect(c.slice(14)).toEqual([
      'flow 3 open, refCount 5, tuple 1 reused from flow 1, in no table; flow 2, in no table',
      'flow 4 open, refCount 5',
    ]);
  });
});

describe('flowMessage: traffic, callouts, ends', () => {
  it('counts the bytes of a flow in a table, and says they are lost once it is in none', () => {
    expect(changes('e1 t1 f1 fd1*4 t1:5 p t1')).toEqual([
      'flow 1 open, refCount 5',
      'flow 1 sentBytes 10',
      'flow 1 FIN: no failure',
      'notify 1/4: cas saw refCount 5 → decrement · refCount 4, still in openFlows',
      'notify 2/4: cas saw refCount 4 → decrement · refCount 3, still in openFlows',
      'notify 3/4: cas saw refCount 3 → decrement · refCount 2, still in openFlows',
      'notify 4/4: cas saw refCount 2 → move → decrement · refCount 1, moved to closedFlows',
      'flow 1 sentBytes 15',
      expect.stringMatching(/^read openFlows \[\], drained closedFlows \[1\] · shipped flow 1 /),
      'flow 1 in no table: bytes not counted',
    ]);
  });

  it('counts the callouts holding the flow, one or several', () => {
    expect(arrows('e1 ce1 ce1 r1 cx1')).toEqual([
      'callout->driver establish(1) | flow 1 open, refCount 5',
      'callout->driver calloutEnter(1) | refCount 6, 1 callout holding',
      'callout->driver calloutEnter(1) | refCount 7, 2 callouts holding',
      'callout->driver reset(1) | flow 1 RecvRst: reads TCPClosed 1, TCPFailures {104:1}',
      'callout->driver calloutExit(1) | refCount 6, still in openFlows',
    ]);
  });

  it('says a FIN carries no failure', () => {
    expect(arrows('e1 f1')[1]).toBe('callout->driver fin(1) | flow 1 FIN: no failure');
  });

  it('gives only the refCount when a callout releases a flow that has not ended', () => {
    expect(changes('e1 ce1 cx1')[2]).toBe('refCount 5');
  });

  it('names the step of a one-step release when the trace names it', () => {
    expect(changes('e1 ce1 cx1.decrement')[2]).toBe('decrement · refCount 5');
  });
});

describe('flowMessage: the steps of a notify or a release', () => {
  it('says where the flow is after each step, and frees it at refCount 0', () => {
    expect(changes('e1 r1 fd1*3 fd1.cas fd1.move fd1.decrement').slice(5)).toEqual([
      'notify 4/4: cas saw refCount 2 → next move · refCount 2, still in openFlows',
      'notify 4/4: move → next decrement · refCount 2, moved to closedFlows',
      'notify 4/4: decrement · refCount 1, still in closedFlows',
    ]);
    expect(changes('e1 r1 fd1*3 fd1.cas fd1.move p fd1.decrement').at(-1)).toBe(
      'notify 4/4: decrement · refCount 0, freed, in no table',
    );
  });

  it('spells out a multi-step release, and only the memory fields it changed', () => {
    expect(changes('e1 ce1 r1 fd1*4 cx1', { driver: 'deferred-move' }).slice(3)).toEqual([
      'notify 1/4: markPending → decrement · refCount 5, still in openFlows',
      'notify 2/4: markPending → decrement · refCount 4, still in openFlows',
      'notify 3/4: markPending → decrement · refCount 3, still in openFlows',
      'notify 4/4: markPending → decrement · refCount 2, pendingMove set, still in openFlows',
      'decrement saw refCount 1 → move · refCount 1, pendingMove cleared, moved to closedFlows',
    ]);
  });

  it('names the next step of a release run one step at a time', () => {
    const c = changes('e1 ce1 r1 fd1*4 cx1.readPending cx1.decrement', {
      driver: 'deferred-move-racy',
    });
    expect(c.slice(-2)).toEqual([
      'readPending → next decrement · refCount 2, still in openFlows',
      'decrement saw refCount 1 → next move · refCount 1, still in openFlows',
    ]);
  });
});

describe('flowMessage between states the engine did not link', () => {
  const stateAfter = (text: string, driver = 'original'): EngineState => {
    const run = runEvents(
      { driver: findDriver(driver)!, agent: findAgent('prefix')!, layers: 4, clients: 1 },
      seq(text),
    );
    if (!run.ok) throw run.error;
    return run.value.at(-1)!;
  };
  const release = { type: 'calloutExit', flow: flowId(1) } as const;

  it('says the flow left its table when it is in none after', () => {
    expect(flowMessage(stateAfter('e1 ce1'), release, stateAfter('e1 f1 fd1*4 p')).detail).toBe(
      'refCount 0, freed, left openFlows',
    );
  });

  it('gives no memory change for a flow the state before did not have', () => {
    expect(
      flowMessage(
        stateAfter('', 'deferred-move'),
        release,
        stateAfter('e1 ce1 cx1', 'deferred-move'),
      ).detail,
    ).toBe('refCount 5, moved to openFlows');
  });
});
