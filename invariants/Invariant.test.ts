/**
 * The verdict helpers every invariant uses, and the registry of the names
 * docs/semantics.md#invariants gives.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_MATCHES_MODEL, findInvariant, invariantNames, invariants } from './index.js';
import { fails, firstFailure, HOLDS } from './Invariant.js';

describe('verdicts', () => {
  it('returns the first failing check, or HOLDS', () => {
    expect(firstFailure([HOLDS, fails('a', 'first'), fails('b', 'second')])).toEqual({
      ok: false,
      subject: 'a',
      detail: 'first',
    });
    expect(firstFailure([HOLDS, HOLDS])).toBe(HOLDS);
    expect(firstFailure([])).toEqual({ ok: true });
  });
});

describe('the invariants registry', () => {
  it('names the engine invariants (in the documented order), then EngineMatchesModel', () => {
    expect(invariantNames).toEqual([
      'FailuresWithinCloses',
      'RateAtMost100',
      'CloseReportedOnce',
      'FailureReportedOnce',
      'ClosedReadOnce',
      'RefCountNonNegative',
      'NoUseAfterFree',
      'NoLingeringAtQuiescence',
      'ShippedNotEmpty',
      'NoUnderflowLeak',
      'BaselineHygiene',
      'TelemetryMatchesSuppressions',
      'NoGenuineFailureSuppressed',
      'TelemetryCountsOnlyLingering',
      'EngineMatchesModel',
    ]);
    expect(ENGINE_MATCHES_MODEL).toBe('EngineMatchesModel');
  });

  it('finds an engine invariant by name, and not the model one', () => {
    expect(findInvariant('RateAtMost100')).toBe(invariants[1]);
    expect(findInvariant(ENGINE_MATCHES_MODEL)).toBeUndefined();
  });
});
