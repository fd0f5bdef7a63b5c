/**
 * deferred-move-racy step by step: the flag its release reads before decrementing, the moves it
 * still makes, and the one interleaving in which the stale flag strands the flow.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from '../../seq.js';
import { findAgent } from '../../agent/variants/index.js';
import { flowId } from '../../events.js';
import { stepNames } from '../DriverVariant.js';
import { tableOf } from '../tables.js';
import { deferredMoveRacy } from './deferred-move-racy.js';

const ONE = flowId(1);

/** Flow 1 after `text`: its table, refCount, pendingMove, and the release's locals. */
function after(text: string) {
  const d = seqStates(
    { driver: deferredMoveRacy, agent: findAgent('prefix')!, layers: 4, clients: 1 },
    text,
  ).at(-1)!.driver;
  const f = d.flows[ONE]!;
  return {
    table: tableOf(d, ONE),
    refCount: f.refCount,
    pendingMove: f.memory.pendingMove,
    notify: f.notify,
    exit: f.exit,
    accessesAfterFree: f.accessesAfterFree,
  };
}

describe('deferred-move-racy', () => {
  it('is described and stepped as docs/semantics.md says', () => {
    expect(deferredMoveRacy.name).toBe('deferred-move-racy');
    expect(deferredMoveRacy.summary).toBe(
      'as deferred-move, but the release reads pendingMove before its decrement',
    );
    expect([
      stepNames(deferredMoveRacy.flowDeleteNotify),
      stepNames(deferredMoveRacy.calloutExit),
    ]).toEqual([
      ['markPending', 'decrement', 'move'],
      ['readPending', 'decrement', 'move'],
    ]);
  });

  it('moves the flow on the last notify when no callout holds a reference', () => {
    expect(after('e1 r1 fd1*4')).toMatchObject({
      table: 'closed',
      refCount: 1,
      pendingMove: false,
      notify: null,
    });
  });

  it('lets the last notify carry out its own move, step by step', () => {
    expect(after('e1 r1 fd1*3 fd1.markPending')).toMatchObject({
      table: 'open',
      refCount: 2,
      pendingMove: true,
    });
    expect(after('e1 r1 fd1*3 fd1.markPending fd1.decrement')).toMatchObject({
      table: 'open',
      refCount: 1,
      notify: { step: 'move', seen: 1, flag: false, attempt: 0 },
    });
    expect(after('e1 r1 fd1*3 fd1.markPending fd1.decrement fd1.move')).toMatchObject({
      table: 'closed',
      pendingMove: false,
      notify: null,
    });
  });

  it('reads pendingMove into the release locals, touching nothing', () => {
    expect(after('e1 ce1 r1 fd1*4 cx1.readPending')).toMatchObject({
      refCount: 2,
      exit: { step: 'decrement', seen: 0, flag: true, attempt: 0 },
      accessesAfterFree: 0,
    });
    expect(after('e1 ce1 cx1.readPending').exit).toEqual({
      step: 'decrement',
      seen: 0,
      flag: false,
      attempt: 0,
    });
  });

  it('moves the flow from the release that read the flag after the last notify set it', () => {
    expect(after('e1 ce1 r1 fd1*4 cx1.readPending cx1.decrement')).toMatchObject({
      refCount: 1,
      table: 'open',
      exit: { step: 'move', seen: 1, flag: true, attempt: 0 },
    });
    expect(after('e1 ce1 r1 fd1*4 cx1')).toMatchObject({
      table: 'closed',
      refCount: 1,
      pendingMove: false,
      exit: null,
    });
  });

  it('strands the flow when the release read the flag before the last notify set it', () => {
    expect(after('e1 ce1 r1 fd1*3 cx1.readPending fd1 cx1.decrement')).toMatchObject({
      table: 'open',
      refCount: 1,
      pendingMove: true,
      exit: null,
    });
  });

  it('never moves on a release before the end', () => {
    expect(after('e1 ce1 cx1')).toMatchObject({ table: 'open', refCount: 5, pendingMove: false });
  });
});
