/**
 * flow-lock step by step: the lock each operation holds, the decrement, check and move under it,
 * and the closed-table read that waits for the lock.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from '../../seq.js';
import { findAgent } from '../../agent/variants/index.js';
import { flowId } from '../../events.js';
import { stepNames } from '../DriverVariant.js';
import { newFlow } from '../flow.js';
import { emptyDriver, putFlow, tableOf } from '../tables.js';
import { flowLock } from './flow-lock.js';

const ONE = flowId(1);

function after(text: string) {
  const d = seqStates(
    { driver: flowLock, agent: findAgent('prefix')!, layers: 4, clients: 1 },
    text,
  ).at(-1)!.driver;
  const f = d.flows[ONE]!;
  return {
    table: tableOf(d, ONE),
    refCount: f.refCount,
    locked: f.memory.locked,
    notify: f.notify,
    exit: f.exit,
  };
}

describe('flow-lock', () => {
  it('is described and stepped as docs/semantics.md says', () => {
    expect(flowLock.name).toBe('flow-lock');
    expect(flowLock.summary).toBe(
      'a per-flow spin lock around decrement, check and move, in the notify and the release',
    );
    expect([stepNames(flowLock.flowDeleteNotify), stepNames(flowLock.calloutExit)]).toEqual([
      ['acquire', 'update', 'release'],
      ['acquire', 'update', 'release'],
    ]);
  });

  it('reads its lock field in a trace as the lock taken or released', () => {
    expect([
      flowLock.describeMemory('locked', true),
      flowLock.describeMemory('locked', false),
    ]).toEqual(['lock taken', 'lock released']);
  });

  it('makes the closed-table read wait exactly while the lock is held', () => {
    expect([
      flowLock.closedReadWaits(newFlow(ONE, 4, ONE, { locked: true })),
      flowLock.closedReadWaits(newFlow(ONE, 4, ONE, flowLock.memory)),
    ]).toEqual([true, false]);
  });

  it('gives every new flow its lock, released', () => {
    expect([flowLock.memory, after('e1').locked]).toEqual([{ locked: false }, false]);
  });

  it('holds the lock from acquire to release and decrements under it', () => {
    expect(after('e1 r1 fd1.acquire')).toMatchObject({
      locked: true,
      refCount: 5,
      notify: { step: 'update' },
    });
    expect(after('e1 r1 fd1.acquire fd1.update')).toMatchObject({
      locked: true,
      refCount: 4,
      table: 'open',
      notify: { step: 'release' },
    });
    expect(after('e1 r1 fd1.acquire fd1.update fd1.release')).toMatchObject({
      locked: false,
      refCount: 4,
      notify: null,
    });
  });

  it('moves the flow in the update of the last notify when no callout holds a reference', () => {
    expect(after('e1 r1 fd1*3 fd1.acquire fd1.update')).toMatchObject({
      table: 'closed',
      refCount: 1,
      locked: true,
    });
  });

  it('leaves the move to the release of the last callout', () => {
    expect(after('e1 ce1 ce1 r1 fd1*4')).toMatchObject({ table: 'open', refCount: 3 });
    expect(after('e1 ce1 ce1 r1 fd1*4 cx1')).toMatchObject({
      table: 'open',
      refCount: 2,
      locked: false,
    });
    expect(after('e1 ce1 ce1 r1 fd1*4 cx1 cx1')).toMatchObject({
      table: 'closed',
      refCount: 1,
      locked: false,
    });
  });

  it('moves nothing in an update that leaves a count of 1 before the last notify has begun', () => {
    // The move needs both: only the table's reference left and all L associations' notifies begun.
    const flow = { ...newFlow(ONE, 4, ONE, { locked: true }), refCount: 2, notifies: 3 };
    const driver = { ...putFlow(emptyDriver(4), flow), openFlows: [ONE] };
    const out = flowLock.flowDeleteNotify.update({
      driver,
      id: ONE,
      flow,
      locals: { step: 'update', seen: 0, flag: false, attempt: 0 },
    });
    expect([tableOf(out.driver, ONE), out.driver.flows[ONE]?.refCount, out.next]).toEqual([
      'open',
      1,
      'release',
    ]);
  });

  it('moves nothing on a release before the last notify', () => {
    expect(after('e1 ce1 r1 fd1*3 cx1')).toMatchObject({ table: 'open', refCount: 2 });
    expect(after('e1 ce1 r1 fd1*3 cx1 fd1')).toMatchObject({ table: 'closed', refCount: 1 });
  });
});
