/**
 * checkTrace: the safety invariants after every event, with the step that first broke one; the
 * quiescence ones after the close-out, which runs only when one of them is judged.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { seq } from '../engine/seq.js';
import { checkTrace } from './checkTrace.js';
import { findInvariant } from './index.js';
import type { Invariant } from './Invariant.js';

const config = {
  driver: findDriver('original')!,
  agent: findAgent('prefix')!,
  layers: 4,
  clients: 1,
};
const named = (...names: string[]): Invariant[] => names.map((n) => findInvariant(n)!);

function checked(text: string, invariants: readonly Invariant[]) {
  const r = checkTrace(config, seq(text), invariants);
  if (!r.ok) throw r.error;
  return r.value;
}

// A graceful close whose notifications all ran: nothing has been polled until the close-out.
const CLOSED_UNPOLLED = 'e1 f1 fd1*4';

describe('checkTrace', () => {
  it('gives a safety violation its step, subject and detail', () => {
    const [inv] = named('FailuresWithinCloses');
    expect(checked('e1 ce1 r1 fd1*4 cx1 p t1 p', [inv!]).verdicts).toEqual([
      {
        invariant: inv,
        verdict: 'violated',
        step: 11,
        subject: 'connection 1',
        detail: '2 failures shipped, 1 close',
      },
    ]);
  });

  it('runs no close-out when only safety invariants are judged', () => {
    const c = checked(CLOSED_UNPOLLED, named('FailuresWithinCloses'));
    expect(c.closeOut).toEqual([]);
    expect(c.quiescent).toBe(c.states.at(-1));
  });

  it('judges the quiescence invariants after the close-out, beside safety ones', () => {
    const c = checked(CLOSED_UNPOLLED, named('FailuresWithinCloses', 'CloseReportedOnce'));
    // Before its close-out the flow has shipped no close; the close-out's poll ships it.
    expect(c.closeOut.length).toBeGreaterThan(0);
    expect(c.quiescent).not.toBe(c.states.at(-1));
    expect(c.verdicts.map((v) => v.verdict)).toEqual(['holds', 'holds']);
  });

  it('reports a quiescence violation with its subject and no step', () => {
    const [inv] = named('NoLingeringAtQuiescence');
    expect(checked('e1 ce1 r1 fd1*4', [inv!]).verdicts).toEqual([
      {
        invariant: inv,
        verdict: 'violated',
        subject: 'flow 1',
        detail: 'ended (recvRst) but still in openFlows with refCount 1',
      },
    ]);
  });
});
