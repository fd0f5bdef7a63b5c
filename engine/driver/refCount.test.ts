/**
 * The interlocked instructions on `refCount`: the value each returns, what each writes, when a flow
 * is freed, the lowest count ever written, and what an instruction on a missing flow does.
 */
import { describe, expect, it } from 'vitest';
import { flowId } from '../events.js';
import { newFlow } from './flow.js';
import {
  interlockedCompareExchange,
  interlockedDecrement,
  interlockedIncrement,
} from './refCount.js';
import type { DriverState } from './tables.js';
import { emptyDriver, putFlow } from './tables.js';

const ONE = flowId(1);

/** A driver holding flow 1 with `refCount` (and `lowestRefCount`) set to `n`. */
const withCount = (n: number, freed = false): DriverState =>
  putFlow(emptyDriver(4), { ...newFlow(ONE, 4), refCount: n, lowestRefCount: n, freed });

const flow1 = (d: DriverState) => d.flows[ONE]!;

describe('interlockedIncrement', () => {
  it('returns the new value and writes it', () => {
    const { driver, value } = interlockedIncrement(withCount(5), ONE);
    expect([
      value,
      flow1(driver).refCount,
      flow1(driver).lowestRefCount,
      flow1(driver).freed,
    ]).toEqual([6, 6, 5, false]);
  });

  it('leaves the old driver untouched', () => {
    const before = withCount(5);
    interlockedIncrement(before, ONE);
    expect(flow1(before).refCount).toBe(5);
  });
});

describe('interlockedDecrement', () => {
  it('returns the new value, writes it and lowers lowestRefCount', () => {
    const { driver, value } = interlockedDecrement(withCount(5), ONE);
    expect([
      value,
      flow1(driver).refCount,
      flow1(driver).lowestRefCount,
      flow1(driver).freed,
    ]).toEqual([4, 4, 4, false]);
  });

  it('frees the flow when the count reaches 0', () => {
    const { driver, value } = interlockedDecrement(withCount(1), ONE);
    expect([value, flow1(driver).freed, flow1(driver).accessesAfterFree]).toEqual([0, true, 0]);
  });

  it('keeps a freed flow freed and records a count below zero as its lowest', () => {
    const { driver, value } = interlockedDecrement(withCount(0, true), ONE);
    expect([value, flow1(driver).freed, flow1(driver).lowestRefCount]).toEqual([-1, true, -1]);
  });

  it('counts the decrement of a freed flow as an access after free', () => {
    expect(flow1(interlockedDecrement(withCount(0, true), ONE).driver).accessesAfterFree).toBe(1);
  });

  it('walks the four notifies of a flow with no callout down to the table reference', () => {
    let d = withCount(5);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = interlockedDecrement(d, ONE);
      seen.push(r.value);
      d = r.driver;
    }
    expect([seen, flow1(d).lowestRefCount, flow1(d).freed]).toEqual([[4, 3, 2, 1], 1, false]);
  });
});

describe('interlockedCompareExchange', () => {
  it('finds 2 and writes nothing with (2, 2), the original driver test', () => {
    const { driver, value } = interlockedCompareExchange(withCount(2), ONE, 2, 2);
    expect([value, flow1(driver)]).toEqual([2, flow1(withCount(2))]);
  });

  it('finds 3 and writes nothing while a callout holds a reference', () => {
    const { driver, value } = interlockedCompareExchange(withCount(3), ONE, 2, 2);
    expect([value, flow1(driver).refCount]).toEqual([3, 3]);
  });

  it('writes the exchange value when the count equals the comparand', () => {
    const { driver, value } = interlockedCompareExchange(withCount(2), ONE, 0, 2);
    expect([
      value,
      flow1(driver).refCount,
      flow1(driver).freed,
      flow1(driver).lowestRefCount,
    ]).toEqual([2, 0, true, 0]);
  });

  it('writes nothing when the count differs from the comparand', () => {
    const { driver, value } = interlockedCompareExchange(withCount(3), ONE, 0, 2);
    expect([value, flow1(driver).refCount, flow1(driver).freed]).toEqual([3, 3, false]);
  });

  it('writes nothing when the exchange value equals the comparand, even at 0', () => {
    const { driver, value } = interlockedCompareExchange(withCount(0), ONE, 0, 0);
    expect([value, flow1(driver).refCount, flow1(driver).freed]).toEqual([0, 0, false]);
  });

  it('counts a compare-exchange on a freed flow as an access, even when it writes nothing', () => {
    const { driver, value } = interlockedCompareExchange(withCount(0, true), ONE, 2, 2);
    expect([value, flow1(driver).accessesAfterFree]).toEqual([0, 1]);
  });
});

describe('an instruction on a flow that does not exist', () => {
  it('reads 0 and leaves the driver as it was', () => {
    const d = emptyDriver(4);
    expect(interlockedIncrement(d, ONE)).toEqual({ driver: d, value: 1 });
    expect(interlockedDecrement(d, ONE)).toEqual({ driver: d, value: -1 });
    expect(interlockedCompareExchange(d, ONE, 2, 2)).toEqual({ driver: d, value: 0 });
    expect(interlockedCompareExchange(d, ONE, 5, 0)).toEqual({ driver: d, value: 0 });
  });
});
