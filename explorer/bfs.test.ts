/**
 * The breadth-first search: the race's shortest traces, every reported trace judged again by the
 * engine (violated, and for a safety invariant exactly at its last event), the TLC-style counts,
 * and the stop at `maxStates`.
 */
import { describe, expect, it } from 'vitest';
import { agentVariants, findAgent } from '../engine/agent/variants/index.js';
import { driverVariants, findDriver } from '../engine/driver/variants/index.js';
import { formatEvent } from '../engine/events.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { invariants } from '../invariants/index.js';
import { explore } from './bfs.js';
import type { ExploreBounds } from './bounds.js';

const bounds: ExploreBounds = { flows: 1, callouts: 1, polls: 3, layers: 1, traffic: 1 };
const pair = (d: string, a: string) => ({
  driver: findDriver(d)!,
  agent: findAgent(a)!,
  environment: 'isolated' as const,
});

describe('explore', () => {
  it('finds the re-reported failure of the PR race in 7 events with original × prefix', () => {
    // Arrange / Act
    const r = explore({ ...pair('original', 'prefix'), bounds });
    const rate = r.violations.find((v) => v.invariant.name === 'RateAtMost100');
    // Assert: the shortest trace, as breadth-first order gives it.
    expect(rate?.events.map(formatEvent)).toEqual([
      'establish(1)',
      'reset(1)',
      'poll.readOpen',
      'traffic(1, 10)',
      'poll.readClosed',
      'poll.readOpen',
      'poll.readClosed',
    ]);
    expect(r.violations.map((v) => `${v.invariant.name} ${v.depth}`)).toEqual([
      'FailuresWithinCloses 7',
      'RateAtMost100 7',
      'CloseReportedOnce 13',
      'FailureReportedOnce 12',
      'NoLingeringAtQuiescence 13',
      'TelemetryMatchesSuppressions 6',
    ]);
    expect(r.complete).toBe(true);
    expect(r.queueLeft).toBe(0);
  });

  it('finds the lingering flow with original × postfix and no rate violation', () => {
    const r = explore({ ...pair('original', 'postfix'), bounds });
    expect(r.violations.map((v) => v.invariant.name)).toEqual([
      'CloseReportedOnce',
      'NoLingeringAtQuiescence',
      'TelemetryCountsOnlyLingering',
    ]);
  });

  it('gives the isolated figures of the search before environments, with the invariants it had', () => {
    // deferred-move × postfix, N = 2, C = 1, P = 3, L = 4, T = 1 (bench/RESULTS.md). The fourteenth
    // invariant, TelemetryCountsOnlyLingering, tells apart local states the thirteen did not.
    const thirteen = invariants.filter((i) => i.name !== 'TelemetryCountsOnlyLingering');
    const r = explore(
      { ...pair('deferred-move', 'postfix'), bounds: { ...bounds, flows: 2, layers: 4 } },
      { invariants: thirteen },
    );
    expect([r.generated, r.distinctStates, r.violations.length]).toEqual([224_062, 52_609, 0]);
  });

  it.each(driverVariants.flatMap((d) => agentVariants.map((a) => [d.name, a.name] as const)))(
    'every trace it reports for %s × %s violates its invariant when the engine replays it',
    (d, a) => {
      const r = explore({ ...pair(d, a), bounds: { ...bounds, polls: 2 } });
      for (const v of r.violations) {
        const checked = checkTrace({ ...pair(d, a), layers: 1, clients: 1 }, v.events, [
          v.invariant,
        ]);
        expect(checked.ok).toBe(true);
        const verdict = checked.ok ? checked.value.verdicts[0] : undefined;
        expect(verdict?.verdict).toBe('violated');
        if (v.invariant.when === 'everyStep') expect(verdict?.step).toBe(v.depth);
      }
    },
  );

  describe('in production', () => {
    const sharing = explore({
      ...pair('deferred-move', 'postfix'),
      environment: 'production',
      bounds: { flows: 2, tuples: 1, callouts: 0, polls: 1, layers: 1, traffic: 0 },
    });
    const apart = explore({
      ...pair('original', 'postfix'),
      environment: 'production',
      bounds: { flows: 2, tuples: 2, callouts: 0, polls: 2, layers: 1, traffic: 0 },
    });

    it.each([
      ['deferred-move × postfix, one tuple', 'deferred-move', 'postfix', sharing],
      ['original × postfix, two tuples', 'original', 'postfix', apart],
    ] as const)('every trace it reports for %s replays to its violation', (_n, d, a, r) => {
      expect(r.violations.length).toBeGreaterThan(0);
      for (const v of r.violations) {
        const checked = checkTrace({ ...pair(d, a), layers: 1, clients: 1 }, v.events, [
          v.invariant,
        ]);
        const verdict = checked.ok ? checked.value.verdicts[0] : undefined;
        expect([v.invariant.name, verdict?.verdict]).toEqual([v.invariant.name, 'violated']);
        if (v.invariant.when === 'everyStep') expect(verdict?.step).toBe(v.depth);
      }
    });

    it('finds the failure the aggregator drops when two flows share a tuple', () => {
      // Flow 2's record, read first, has no failure; flow 1's first close ships without its own.
      const v = sharing.violations.find((x) => x.invariant.name === 'NoGenuineFailureSuppressed');
      expect(v?.events.map(formatEvent)).toEqual([
        'establish(1)',
        'reset(1)',
        'establish(2, tuple 1)',
        'poll.readOpen[2, 1]',
        'poll.readClosed',
      ]);
    });

    it('reports the environment and the tuples', () => {
      expect([sharing.environment, sharing.tuples, apart.tuples]).toEqual(['production', 1, 2]);
    });
  });

  it('gives the same counts on every run', () => {
    const a = explore({
      ...pair('cas-retry', 'postfix'),
      bounds: { ...bounds, flows: 2, polls: 1 },
    });
    const b = explore({
      ...pair('cas-retry', 'postfix'),
      bounds: { ...bounds, flows: 2, polls: 1 },
    });
    expect([a.generated, a.distinctStates, a.depth, a.finalStates]).toEqual([
      b.generated,
      b.distinctStates,
      b.depth,
      b.finalStates,
    ]);
  });

  it('stops at maxStates and says what is left on the queue', () => {
    const r = explore(
      { ...pair('original', 'postfix'), bounds: { ...bounds, flows: 2 } },
      { maxStates: 500 },
    );
    expect(r.complete).toBe(false);
    expect(r.distinctStates).toBeGreaterThanOrEqual(500);
    expect(r.queueLeft).toBeGreaterThan(0);
  });

  it('judges quiescence on every state when asked: the shortest prefix whose close-out fails', () => {
    const final = explore({ ...pair('original', 'postfix'), bounds });
    const every = explore({ ...pair('original', 'postfix'), bounds }, { quiescence: 'everyState' });
    const depth = (r: typeof final) =>
      r.violations.find((v) => v.invariant.name === 'NoLingeringAtQuiescence')?.depth;
    // The race alone: establish, callout, reset, and the last notify's compare-exchange (it sees
    // 3); the close-out does the rest.
    expect(depth(every)).toBe(4);
    expect(depth(final)).toBeGreaterThan(4);
  });
});
