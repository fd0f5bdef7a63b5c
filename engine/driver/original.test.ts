import { describe, expect, it } from 'vitest';
import { findAgent } from '../agent/variants/index.js';
import type { EngineConfig, EngineState } from '../EngineState.js';
import { flowId } from '../events.js';
import { runEvents } from '../run.js';
import { seq, seqStates } from '../seq.js';
import { tableOf } from './tables.js';
import { findDriver } from './variants/index.js';

const config = (driver = 'original', layers = 4): EngineConfig => ({
  driver: findDriver(driver)!,
  agent: findAgent('prefix')!,
  layers,
  clients: 1,
});

const end = (text: string, driver = 'original'): EngineState => {
  return seqStates(config(driver), text).at(-1)!;
};
const flow1 = (s: EngineState) => s.driver.flows[flowId(1)]!;

describe('the original driver', () => {
  it('starts a flow in openFlows with refCount 1 + L', () => {
    expect(flow1(end('e1')).refCount).toBe(5);
    expect(end('e1').driver.openFlows).toEqual([1]);
  });

  it('moves the flow on the last of four notifies when no callout holds a reference', () => {
    const states = seqStates(config(), 'e1 r1 fd1*4');
    expect(states.map((s) => s.driver.flows[flowId(1)]?.refCount)).toEqual([
      undefined,
      5,
      5,
      4,
      3,
      2,
      1,
    ]);
    const last = states.at(-1)!;
    expect([tableOf(last.driver, flowId(1)), flow1(last).flowClosed]).toEqual(['closed', true]);
  });

  it('strands the flow in openFlows with refCount 1 when a callout spans the last notify', () => {
    const s = end('e1 ce1 r1 fd1*4 cx1');
    expect([
      tableOf(s.driver, flowId(1)),
      flow1(s).refCount,
      flow1(s).status,
      flow1(s).flowClosed,
    ]).toEqual(['open', 1, 'recvRst', false]);
  });

  it('sees 3 at the last compare-exchange while the callout holds its reference, 2 without it', () => {
    expect(flow1(end('e1 ce1 r1 fd1*3 fd1.cas')).notify).toEqual({
      step: 'decrement',
      seen: 3,
      flag: false,
      attempt: 0,
    });
    expect(flow1(end('e1 r1 fd1*3 fd1.cas')).notify).toEqual({
      step: 'move',
      seen: 2,
      flag: false,
      attempt: 0,
    });
  });

  it('moves the flow when the callout exits before the last notify', () => {
    expect(tableOf(end('e1 ce1 r1 fd1*3 cx1 fd1').driver, flowId(1))).toBe('closed');
  });

  it('frees the flow when the poll drains it from closedFlows', () => {
    const s = end('e1 r1 fd1*4 p');
    expect([flow1(s).refCount, flow1(s).freed, flow1(s).closedReads, s.driver.closedFlows]).toEqual(
      [0, true, 1, []],
    );
  });

  it('keeps counting bytes of a lingering flow', () => {
    expect(flow1(end('e1 ce1 r1 fd1*4 cx1 t1:10 t1:10')).sentBytes).toBe(20);
  });
});

describe('refused events', () => {
  const refusal = (text: string) => {
    const r = runEvents(config(), seq(text));
    return r.ok ? 'accepted' : r.error.message;
  };

  it('refuses a callout exit with no callout in flight', () => {
    expect(refusal('e1 cx1')).toBe('events[1] calloutExit(1): no callout in flight on flow 1');
  });

  it('refuses an event on a flow that was never established', () => {
    expect(refusal('t2')).toBe('events[0] traffic(2, 10): flow 2 was never established');
  });

  it('refuses a fifth notify, a notify before the end, and a second end', () => {
    expect(refusal('e1 r1 fd1*5')).toMatch(/already had its 4 delete notifications/);
    expect(refusal('e1 fd1')).toMatch(/has not ended/);
    expect(refusal('e1 r1 f1')).toMatch(/already ended/);
  });

  it('refuses steps out of program order', () => {
    expect(refusal('e1 r1 fd1.decrement')).toMatch(/starts with step cas, got decrement/);
    expect(refusal('e1 r1 fd1.cas fd1.cas')).toMatch(
      /next step of flowDeleteNotify on flow 1 is decrement/,
    );
    expect(refusal('e1 r1 fd1.cas fd1')).toMatch(/part-way through/);
    expect(refusal('p.readClosed')).toMatch(/next step of poll is readOpen/);
  });

  it('refuses a callout after every association is gone', () => {
    expect(refusal('e1 r1 fd1*4 ce1')).toMatch(/no layer association left/);
  });

  it('leaves the state as it was when it refuses an event', () => {
    const r = runEvents(config(), seq('e1 cx1'));
    expect(r.ok).toBe(false);
  });
});

describe('the flow-lock driver', () => {
  it('blocks a second operation while the lock is held', () => {
    const r = runEvents(config('flow-lock'), seq('e1 ce1 r1 fd1*3 fd1.acquire cx1.acquire'));
    expect(r.ok ? 'accepted' : r.error.reason).toMatch(/flow lock is held/);
  });
});
