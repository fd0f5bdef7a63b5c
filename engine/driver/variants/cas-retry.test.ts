/**
 * cas-retry step by step: the count each step leaves, the locals between attempts, and where the
 * flow ends up when the callout exits before, between or after the attempts.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from '../../seq.js';
import { findAgent } from '../../agent/variants/index.js';
import { flowId } from '../../events.js';
import { stepNames } from '../DriverVariant.js';
import { tableOf } from '../tables.js';
import { CAS_RETRIES, casRetry } from './cas-retry.js';

const ONE = flowId(1);

const states = (text: string) =>
  seqStates({ driver: casRetry, agent: findAgent('prefix')!, layers: 4, clients: 1 }, text);
const last = (text: string) => states(text).at(-1)!;
const flow1 = (text: string) => last(text).driver.flows[ONE]!;
const table = (text: string) => tableOf(last(text).driver, ONE);

describe('cas-retry', () => {
  it('is described and stepped as docs/semantics.md says', () => {
    expect(casRetry.name).toBe('cas-retry');
    expect(casRetry.summary).toBe(
      'notify: CAS(refCount, 2, 2) retried up to 2 more times, move on 2, then decrement; release: plain decrement',
    );
    expect(CAS_RETRIES).toBe(2);
    expect([stepNames(casRetry.flowDeleteNotify), stepNames(casRetry.calloutExit)]).toEqual([
      ['cas', 'retry', 'move', 'decrement'],
      ['decrement'],
    ]);
  });

  it('counts down 4, 3, 2, 1 over four notifies with no callout and moves on the last', () => {
    expect(states('e1 r1 fd1*4').map((s) => s.driver.flows[ONE]?.refCount)).toEqual([
      undefined,
      5,
      5,
      4,
      3,
      2,
      1,
    ]);
    expect([table('e1 r1 fd1*4'), flow1('e1 r1 fd1*4').flowClosed]).toEqual(['closed', true]);
  });

  it('moves at once when the first attempt sees 2, then decrements', () => {
    expect(flow1('e1 r1 fd1*3 fd1.cas').notify).toEqual({
      step: 'move',
      seen: 2,
      flag: false,
      attempt: 0,
    });
    expect([
      table('e1 r1 fd1*3 fd1.cas fd1.move'),
      flow1('e1 r1 fd1*3 fd1.cas fd1.move').refCount,
    ]).toEqual(['closed', 2]);
    expect(flow1('e1 r1 fd1*3 fd1.cas fd1.move').notify).toEqual({
      step: 'decrement',
      seen: 2,
      flag: false,
      attempt: 0,
    });
    expect([
      flow1('e1 r1 fd1*3 fd1.cas fd1.move fd1.decrement').refCount,
      flow1('e1 r1 fd1*3 fd1.cas fd1.move fd1.decrement').notify,
    ]).toEqual([1, null]);
  });

  it('retries twice while the callout holds its reference, then gives up and decrements', () => {
    const run = 'e1 ce1 r1 fd1*3 fd1.cas';
    expect(flow1(run).notify).toEqual({ step: 'retry', seen: 3, flag: false, attempt: 0 });
    expect(flow1(`${run} fd1.retry`).notify).toEqual({
      step: 'retry',
      seen: 3,
      flag: false,
      attempt: 1,
    });
    expect(flow1(`${run} fd1.retry fd1.retry`).notify).toEqual({
      step: 'decrement',
      seen: 3,
      flag: false,
      attempt: 2,
    });
    expect([
      flow1(`${run} fd1.retry fd1.retry fd1.decrement`).refCount,
      table(`${run} fd1.retry fd1.retry fd1.decrement`),
    ]).toEqual([2, 'open']);
  });

  it('moves on the retry that follows the callout exit', () => {
    const run = 'e1 ce1 r1 fd1*3 fd1.cas fd1.retry cx1 fd1.retry';
    expect(flow1(run).notify).toEqual({ step: 'move', seen: 2, flag: false, attempt: 2 });
    expect([
      table(`${run} fd1.move fd1.decrement`),
      flow1(`${run} fd1.move fd1.decrement`).refCount,
    ]).toEqual(['closed', 1]);
  });

  it('strands the flow with refCount 1 when the callout outlasts every attempt', () => {
    const s = last('e1 ce1 r1 fd1*4 cx1');
    expect([
      tableOf(s.driver, ONE),
      s.driver.flows[ONE]?.refCount,
      s.driver.flows[ONE]?.flowClosed,
    ]).toEqual(['open', 1, false]);
  });

  it('releases a callout with a plain decrement that never moves', () => {
    expect(states('e1 ce1 ce1 cx1 cx1').map((s) => s.driver.flows[ONE]?.refCount)).toEqual([
      undefined,
      5,
      6,
      7,
      6,
      5,
    ]);
    expect(table('e1 ce1 ce1 cx1 cx1')).toBe('open');
  });
});
