/**
 * Every invariant has teeth (docs/style.md#every-invariant-has-a-witness): each one declares a
 * witness (Witness.ts), a named trace on a named pair or on a deliberately broken fixture, that
 * violates it, so none can silently become always-true; the same events hold with a correct pair.
 */
import { describe, expect, it } from 'vitest';
import { findInvariant, invariants } from './index.js';
import { fixedVerdict, injectedState, verdictOn, witnessVerdict } from './teethFixtures.js';

describe('every invariant can fail', () => {
  it.each(invariants.map((i) => [i.name, i] as const))(
    '%s is violated by its witness',
    (_name, inv) => {
      expect(witnessVerdict(inv)).toBe('violated');
    },
  );

  it.each(invariants.map((i) => [i.name, i] as const))(
    '%s holds on its witness events with a correct pair',
    (_name, inv) => {
      expect(fixedVerdict(inv)).toBe('holds');
    },
  );

  it('the correct flow-lock makes the drain wait for the lock instead of freeing the flow', () => {
    const inv = findInvariant('NoUseAfterFree')!;
    expect(() =>
      verdictOn(inv, { driver: 'flow-lock', agent: 'postfix' }, inv.witness.trace),
    ).toThrow(/waits for flow 1/);
  });

  it('BaselineHygiene names the client that kept a baseline for a cookie that was not active', () => {
    const inv = findInvariant('BaselineHygiene')!;
    expect(inv.check(injectedState(inv))).toMatchObject({ ok: false, subject: 'client 1' });
  });
});
