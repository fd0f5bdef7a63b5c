/**
 * deferred-move step by step: the last notify marks the move, and whichever decrement leaves the
 * table's reference alone carries it out, the callout's release included.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from '../../seq.js';
import { findAgent } from '../../agent/variants/index.js';
import { flowId } from '../../events.js';
import { stepNames } from '../DriverVariant.js';
import { tableOf } from '../tables.js';
import { deferredMove } from './deferred-move.js';

const ONE = flowId(1);

function after(text: string) {
  const d = seqStates(
    { driver: deferredMove, agent: findAgent('prefix')!, layers: 4, clients: 1 },
    text,
  ).at(-1)!.driver;
  const f = d.flows[ONE]!;
  return {
    table: tableOf(d, ONE),
    refCount: f.refCount,
    pendingMove: f.memory.pendingMove,
    notify: f.notify,
    exit: f.exit,
  };
}

describe('deferred-move', () => {
  it('is described and stepped as docs/semantics.md says', () => {
    expect(deferredMove.name).toBe('deferred-move');
    expect(deferredMove.summary).toBe(
      'last notify sets pendingMove, then decrements; any decrement to 1 with pendingMove set moves the flow',
    );
    expect([stepNames(deferredMove.flowDeleteNotify), stepNames(deferredMove.calloutExit)]).toEqual(
      [
        ['markPending', 'decrement', 'move'],
        ['decrement', 'move'],
      ],
    );
  });

  it('marks nothing on a notify that is not the last', () => {
    expect(after('e1 r1 fd1*2 fd1.markPending')).toMatchObject({
      table: 'open',
      refCount: 3,
      pendingMove: false,
    });
  });

  it('marks the move on the last notify and leaves it to the callout still holding a reference', () => {
    expect(after('e1 ce1 r1 fd1*4')).toMatchObject({
      table: 'open',
      refCount: 2,
      pendingMove: true,
      notify: null,
    });
    expect(after('e1 ce1 r1 fd1*4 cx1.decrement')).toMatchObject({
      table: 'open',
      refCount: 1,
      exit: { step: 'move', seen: 1, flag: false, attempt: 0 },
    });
    expect(after('e1 ce1 r1 fd1*4 cx1')).toMatchObject({
      table: 'closed',
      refCount: 1,
      pendingMove: false,
      exit: null,
    });
  });

  it('ends a release that leaves more than the table reference after its decrement', () => {
    expect(after('e1 ce1 ce1 r1 fd1*4 cx1.decrement')).toMatchObject({
      table: 'open',
      refCount: 2,
      pendingMove: true,
      exit: null,
    });
  });
});
