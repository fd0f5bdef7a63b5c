/**
 * The driver's tables: which flows exist, which table holds each, the move to `closedFlows`, and
 * the use-after-free count that every access to a freed flow adds.
 */
import { describe, expect, it } from 'vitest';
import { flowId } from '../events.js';
import { newFlow } from './flow.js';
import type { DriverState } from './tables.js';
import {
  allFlows,
  emptyDriver,
  getFlow,
  moveToClosedTable,
  putFlow,
  tableOf,
  updateFlow,
} from './tables.js';

const [ONE, TWO, THREE] = [flowId(1), flowId(2), flowId(3)];

/** A driver with flows 1 and 3 established (a hole at 2) and both in `openFlows`. */
const twoFlows = (): DriverState => ({
  ...putFlow(putFlow(emptyDriver(4), newFlow(ONE, 4)), newFlow(THREE, 4)),
  openFlows: [ONE, THREE],
});

describe('emptyDriver', () => {
  it('holds no flow and keeps L', () => {
    expect(emptyDriver(3)).toEqual({ layers: 3, flows: [], openFlows: [], closedFlows: [] });
  });
});

describe('allFlows and getFlow', () => {
  it('lists the established flows by number, skipping the holes', () => {
    expect(allFlows(twoFlows()).map((f) => f.id)).toEqual([1, 3]);
  });

  it('skips entries that hold undefined, not only the holes', () => {
    // The type allows an explicit undefined (a copy of the array may fill its holes); filter visits it, unlike a hole.
    const driver: DriverState = {
      ...emptyDriver(4),
      flows: [undefined, newFlow(ONE, 4), undefined, newFlow(THREE, 4)],
    };
    expect(allFlows(driver).map((f) => f.id)).toEqual([1, 3]);
  });

  it('finds a flow by number, and nothing for a number never established', () => {
    expect(getFlow(twoFlows(), THREE)?.id).toBe(3);
    expect(getFlow(twoFlows(), TWO)).toBeUndefined();
  });
});

describe('putFlow and updateFlow', () => {
  it('replace one flow and leave the old driver untouched', () => {
    const before = twoFlows();
    const after = updateFlow(before, ONE, (f) => ({ ...f, sentBytes: 7 }));
    expect([getFlow(after, ONE)?.sentBytes, getFlow(before, ONE)?.sentBytes]).toEqual([7, 0]);
  });

  it('counts one access after free per update of a freed flow', () => {
    const freed = updateFlow(twoFlows(), ONE, (f) => ({ ...f, refCount: 0, freed: true }));
    const touched = updateFlow(
      updateFlow(freed, ONE, (f) => f),
      ONE,
      (f) => f,
    );
    expect([
      getFlow(freed, ONE)?.accessesAfterFree,
      getFlow(touched, ONE)?.accessesAfterFree,
    ]).toEqual([0, 2]);
  });

  it('counts no access on a live flow', () => {
    expect(
      getFlow(
        updateFlow(twoFlows(), ONE, (f) => f),
        ONE,
      )?.accessesAfterFree,
    ).toBe(0);
  });

  it('returns the same driver when the flow does not exist', () => {
    const d = twoFlows();
    expect(updateFlow(d, TWO, (f) => ({ ...f, sentBytes: 1 }))).toBe(d);
  });
});

describe('tableOf', () => {
  it('names each of the four places a flow can be', () => {
    const d = twoFlows();
    expect(tableOf(d, ONE)).toBe('open');
    expect(tableOf({ ...d, openFlows: [THREE], closedFlows: [ONE] }, ONE)).toBe('closed');
    expect(tableOf({ ...d, closedFlows: [ONE] }, ONE)).toBe('both');
    expect(tableOf({ ...d, openFlows: [THREE] }, ONE)).toBe('none');
  });
});

describe('moveToClosedTable', () => {
  it('moves only that flow, appends it to closedFlows and sets FLOW_CLOSED', () => {
    const d = moveToClosedTable({ ...twoFlows(), closedFlows: [TWO] }, ONE);
    expect([
      d.openFlows,
      d.closedFlows,
      getFlow(d, ONE)?.flowClosed,
      getFlow(d, THREE)?.flowClosed,
    ]).toEqual([[3], [2, 1], true, false]);
  });

  it('appends a flow moved twice a second time, for ClosedReadOnce to catch', () => {
    const d = moveToClosedTable(moveToClosedTable(twoFlows(), ONE), ONE);
    expect([d.openFlows, d.closedFlows]).toEqual([[3], [1, 1]]);
  });
});
