/**
 * Every invariant has teeth (STYLE rule 14): each one is violated by a named trace on a named
 * pair, or on a deliberately broken fixture, so none can silently become always-true.
 */
import { describe, expect, it } from 'vitest';
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import { findAgent } from '../engine/agent/variants/index.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineState } from '../engine/EngineState.js';
import { counters } from '../engine/agent/statCounters.js';
import { checkTrace } from './checkTrace.js';
import { hideAllFailures, silentPostfix } from '../checking/fixtures/brokenAgents.js';
import {
  doubleRelease,
  flowLockUnlockedDrain,
  moveTwice,
} from '../checking/fixtures/brokenDrivers.js';
import { seq, seqStates } from '../engine/seq.js';
import { invariants } from './index.js';

const driver = (d: string | DriverVariant) => (typeof d === 'string' ? findDriver(d)! : d);
const agent = (a: string | AgentVariant) => (typeof a === 'string' ? findAgent(a)! : a);

function verdictOf(
  name: string,
  d: string | DriverVariant,
  a: string | AgentVariant,
  text: string,
) {
  const r = checkTrace({ driver: driver(d), agent: agent(a), layers: 4, clients: 1 }, seq(text));
  if (!r.ok) throw r.error;
  return r.value.verdicts.find((v) => v.invariant.name === name);
}

/** The state after `text`, for the invariants that judge what a poll shipped. */
function after(text: string): EngineState {
  return seqStates(
    { driver: driver('original'), agent: agent('prefix'), layers: 4, clients: 1 },
    text,
  ).at(-1)!;
}

type Fixed = [string | DriverVariant, string | AgentVariant, string?];

/** Per invariant: the broken pair, its trace, and a fixed pair on which the same trace holds. */
const WITNESSES: Record<string, [string | DriverVariant, string | AgentVariant, string, Fixed?]> = {
  FailuresWithinCloses: ['original', 'prefix', 'e1 ce1 r1 fd1*4 cx1 p t1 p'],
  RateAtMost100: ['original', 'prefix', 'e1 ce1 r1 fd1*4 cx1 p t1 p'],
  CloseReportedOnce: ['original', 'postfix', 'e1 ce1 f1 fd1*4 cx1 p'],
  FailureReportedOnce: ['original', 'prefix', 'e1 ce1 r1 fd1*4 cx1 p t1 p'],
  ClosedReadOnce: [moveTwice, 'postfix', 'e1 r1 fd1*4 p'],
  RefCountNonNegative: [doubleRelease, 'postfix', 'e1 ce1 cx1 r1 fd1*4 p'],
  NoUseAfterFree: [
    flowLockUnlockedDrain,
    'postfix',
    'e1 r1 fd1*3 fd1.acquire fd1.update p fd1.release',
    ['flow-lock', 'postfix', 'e1 r1 fd1*3 fd1.acquire fd1.update fd1.release p'],
  ],
  NoLingeringAtQuiescence: [
    'deferred-move-racy',
    'postfix',
    'e1 ce1 r1 fd1*3 cx1.readPending fd1 cx1.decrement',
    ['deferred-move-racy', 'postfix', 'e1 ce1 r1 fd1*4 cx1.readPending cx1.decrement cx1.move'],
  ],
  TelemetryMatchesSuppressions: ['original', silentPostfix, 'e1 ce1 r1 fd1*4 cx1 p t1 p'],
  NoGenuineFailureSuppressed: ['original', hideAllFailures, 'e1 r1 fd1*4 p'],
  // PR #50823 counts a reset flow re-read in openFlows before its delete notifications run.
  TelemetryCountsOnlyLingering: [
    'deferred-move',
    'postfix',
    'e1 r1 p p',
    ['deferred-move', 'close-record'],
  ],
};

describe('every invariant can fail', () => {
  it('has a witness for every invariant', () => {
    const covered = new Set([
      ...Object.keys(WITNESSES),
      'ShippedNotEmpty',
      'NoUnderflowLeak',
      'BaselineHygiene',
    ]);
    expect(invariants.map((i) => i.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it.each(Object.entries(WITNESSES))('%s is violated by its witness', (name, [d, a, text]) => {
    expect(verdictOf(name, d, a, text)?.verdict).toBe('violated');
  });

  it.each(Object.entries(WITNESSES))(
    '%s holds on its witness events with a correct pair',
    (name, [, , text, fixed]) => {
      const [d, a, events] = fixed ?? ['deferred-move', 'postfix'];
      expect(verdictOf(name, d, a, events ?? text)?.verdict).toBe('holds');
    },
  );

  it('the correct flow-lock makes the drain wait for the lock instead of freeing the flow', () => {
    expect(() =>
      verdictOf('NoUseAfterFree', 'flow-lock', 'postfix', WITNESSES.NoUseAfterFree![2]),
    ).toThrow(/waits for flow 1/);
  });

  // The three below judge what a poll shipped; the engine's own agent never breaks them, so the
  // fault is injected into a real state, as a broken agent would leave it.
  const shipped = after('e1 t1 p t1');

  it('ShippedNotEmpty fails on a shipped record with an all-zero Last', () => {
    const s = shipped.lastPoll!;
    const broken = {
      ...shipped,
      lastPoll: { ...s, records: s.records.map((r) => ({ ...r, last: counters() })) },
    };
    expect(invariants.find((i) => i.name === 'ShippedNotEmpty')!.check(broken)).toMatchObject({
      ok: false,
    });
    expect(invariants.find((i) => i.name === 'ShippedNotEmpty')!.check(shipped)).toEqual({
      ok: true,
    });
  });

  it('NoUnderflowLeak fails on a Last larger than its monotonic value', () => {
    const s = shipped.lastPoll!;
    const broken = {
      ...shipped,
      lastPoll: {
        ...s,
        records: s.records.map((r) => ({ ...r, last: counters({ sentBytes: 2 ** 40 }) })),
      },
    };
    expect(invariants.find((i) => i.name === 'NoUnderflowLeak')!.check(broken)).toMatchObject({
      ok: false,
    });
  });

  it('BaselineHygiene fails when a client keeps a baseline for a cookie that was not active', () => {
    const s = shipped.lastPoll!;
    const broken = { ...shipped, lastPoll: { ...s, openCookies: [] } };
    expect(invariants.find((i) => i.name === 'BaselineHygiene')!.check(broken)).toMatchObject({
      ok: false,
      subject: 'client 1',
    });
  });
});
