/**
 * The library call other commands use: the breadth-first minimum for one invariant, with
 * quiescence judged after closing out any prefix (the measure `lingering check` compares with).
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { formatEvent } from '../engine/events.js';
import { shortestViolation } from './shortestViolation.js';

const pair = (d: string, a: string) => ({
  driver: findDriver(d)!,
  agent: findAgent(a)!,
  environment: 'isolated' as const,
});

describe('shortestViolation', () => {
  it('gives the 7-event re-report for RateAtMost100 with original × prefix', () => {
    expect(
      shortestViolation(pair('original', 'prefix'), 'RateAtMost100', { flows: 1, layers: 1 })
        ?.events,
    ).toHaveLength(7);
  });

  it('gives the race itself for NoLingeringAtQuiescence: the close-out does the rest', () => {
    const r = shortestViolation(pair('original', 'postfix'), 'NoLingeringAtQuiescence', {
      flows: 1,
      layers: 1,
    });
    expect(r?.events.map(formatEvent)).toEqual([
      'establish(1)',
      'calloutEnter(1)',
      'reset(1)',
      'flowDeleteNotify(1).cas',
    ]);
  });

  it('judges quiescence on final states only when asked', () => {
    const r = shortestViolation(
      pair('original', 'postfix'),
      'NoLingeringAtQuiescence',
      { flows: 1, layers: 1, polls: 0 },
      { quiescence: 'final' },
    );
    expect(r?.events.length).toBeGreaterThan(4);
  });

  it('returns null when no trace within the bounds violates the invariant', () => {
    expect(
      shortestViolation(pair('deferred-move', 'postfix'), 'NoLingeringAtQuiescence', {
        flows: 1,
        layers: 2,
      }),
    ).toBeNull();
  });

  it('refuses an unknown invariant', () => {
    expect(() => shortestViolation(pair('original', 'prefix'), 'NoSuchThing')).toThrow(
      /no invariant NoSuchThing/,
    );
  });

  it('searches the production environment unless told otherwise', () => {
    const shared = shortestViolation(
      { driver: findDriver('deferred-move')!, agent: findAgent('postfix')! },
      'NoGenuineFailureSuppressed',
      { flows: 2, tuples: 1, callouts: 0, polls: 1, layers: 1, traffic: 0 },
    );
    expect(shared?.events).toHaveLength(5);
  });
});
