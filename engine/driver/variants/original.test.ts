/**
 * original step by step: the compare-exchange that moves on 2, the release that never re-checks,
 * and the PR's race (a callout spanning the last notify) that strands the flow in openFlows.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from '../../../properties/seq.js';
import { findAgent } from '../../agent/variants/index.js';
import { flowId } from '../../events.js';
import { stepNames } from '../DriverVariant.js';
import { tableOf } from '../tables.js';
import { original } from './original.js';

const ONE = flowId(1);

const states = (text: string) => seqStates({ driver: original, agent: findAgent('prefix')!, layers: 4, clients: 1 }, text);
const last = (text: string) => states(text).at(-1)!;
const flow1 = (text: string) => last(text).driver.flows[ONE]!;

describe('original', () => {
  it('is described and stepped as SPEC 2.2 says', () => {
    expect(original.name).toBe('original');
    expect(original.summary).toBe('notify: CAS(refCount, 2, 2), move on 2, then decrement; release: plain decrement');
    expect([stepNames(original.flowDeleteNotify), stepNames(original.calloutExit)]).toEqual([['cas', 'move', 'decrement'], ['decrement']]);
  });

  it('counts down over four notifies with no callout and moves on the last', () => {
    expect(states('e1 r1 fd1*4').map((s) => s.driver.flows[ONE]?.refCount)).toEqual([undefined, 5, 5, 4, 3, 2, 1]);
    expect([tableOf(last('e1 r1 fd1*4').driver, ONE), flow1('e1 r1 fd1*4').flowClosed]).toEqual(['closed', true]);
  });

  it('skips the move when the compare-exchange sees more than 2', () => {
    expect(flow1('e1 ce1 r1 fd1*3 fd1.cas').notify).toEqual({ step: 'decrement', seen: 3, flag: false, attempt: 0 });
    expect([flow1('e1 r1 fd1*3 fd1.cas').notify?.step, flow1('e1 r1 fd1*3 fd1.cas').notify?.seen]).toEqual(['move', 2]);
  });

  it('strands the flow with refCount 1 when the callout exits after the last notify', () => {
    const s = last('e1 ce1 r1 fd1*4 cx1');
    expect([tableOf(s.driver, ONE), s.driver.flows[ONE]?.refCount, s.driver.flows[ONE]?.flowClosed]).toEqual(['open', 1, false]);
  });
});
