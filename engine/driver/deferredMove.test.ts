/**
 * The steps the deferred-move designs share, called directly on a driver: which notify marks the
 * move, when a decrement goes on to the move, and what the move does with and without a mark.
 */
import { describe, expect, it } from 'vitest';
import { flowId } from '../events.js';
import type { StepInput } from './DriverVariant.js';
import { decrementThenMaybeMove, markPending, movePending } from './deferredMove.js';
import type { Flow } from './flow.js';
import { newFlow } from './flow.js';
import type { DriverState } from './tables.js';
import { emptyDriver, putFlow } from './tables.js';

const ONE = flowId(1);
const LOCALS = { step: 'x', seen: 0, flag: false, attempt: 0 };

/** A step's input on flow 1, built from `fields` over a fresh flow, in openFlows. */
function input(fields: Partial<Flow>): StepInput {
  const flow = { ...newFlow(ONE, 4, ONE, { pendingMove: false }), ...fields };
  const driver: DriverState = { ...putFlow(emptyDriver(4), flow), openFlows: [ONE] };
  return { driver, id: ONE, flow, locals: LOCALS };
}

const outcome = (o: ReturnType<typeof markPending>) => {
  if (o === 'blocked') throw new Error('blocked');
  const f = o.driver.flows[ONE]!;
  return {
    next: o.next,
    locals: o.locals,
    refCount: f.refCount,
    pendingMove: f.memory.pendingMove,
    open: o.driver.openFlows,
    closed: o.driver.closedFlows,
    touched: f.accessesAfterFree,
  };
};

describe('markPending', () => {
  it('marks the move on the last association notify only, then goes on to the decrement', () => {
    expect(outcome(markPending(input({ notifies: 4, refCount: 2 })))).toMatchObject({
      next: 'decrement',
      pendingMove: true,
      refCount: 2,
    });
    expect(outcome(markPending(input({ notifies: 3, refCount: 3 })))).toMatchObject({
      next: 'decrement',
      pendingMove: false,
      refCount: 3,
    });
  });

  it('counts its flag write as an access to a freed flow', () => {
    expect(outcome(markPending(input({ notifies: 3, freed: true }))).touched).toBe(1);
  });
});

describe('decrementThenMaybeMove', () => {
  it('goes on to the move when only the table reference is left and the caller may move', () => {
    expect(outcome(decrementThenMaybeMove(input({ refCount: 2 }), true))).toMatchObject({
      next: 'move',
      locals: { seen: 1 },
      refCount: 1,
    });
  });

  it('ends after the decrement when the caller may not move or references remain', () => {
    expect(outcome(decrementThenMaybeMove(input({ refCount: 2 }), false))).toMatchObject({
      next: null,
      refCount: 1,
    });
    expect(outcome(decrementThenMaybeMove(input({ refCount: 3 }), true))).toMatchObject({
      next: null,
      refCount: 2,
    });
  });
});

describe('movePending', () => {
  it('clears the mark and moves the flow in one step', () => {
    expect(
      outcome(movePending(input({ memory: { pendingMove: true }, refCount: 1 }))),
    ).toMatchObject({
      next: null,
      pendingMove: false,
      open: [],
      closed: [1],
    });
  });

  it('moves nothing when no move is pending, and only reads the flag', () => {
    expect(
      outcome(movePending(input({ memory: { pendingMove: false }, refCount: 1 }))),
    ).toMatchObject({
      next: null,
      open: [1],
      closed: [],
      touched: 0,
    });
    expect(
      outcome(movePending(input({ memory: { pendingMove: false }, freed: true }))).touched,
    ).toBe(1);
  });
});
