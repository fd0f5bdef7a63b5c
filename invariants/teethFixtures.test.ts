/**
 * The witness runner: pairs resolved by name, a witness judged on its whole trace (close-out
 * included) or on the state an injected fault leaves, and the correct pair's verdict.
 */
import { describe, expect, it } from 'vitest';
import { findInvariant } from './index.js';
import type { Invariant } from './Invariant.js';
import type { Witness } from './Witness.js';
import { fixedVerdict, injectedState, verdictOn, witnessVerdict } from './teethFixtures.js';

const withWitness = (name: string, witness: Witness): Invariant => ({
  ...findInvariant(name)!,
  witness,
});

// The PR race with the prefix agent: 2 failures shipped over 1 close by its last event.
const PR_RACE = 'e1 ce1 r1 fd1*4 cx1 p t1 p';

describe('teethFixtures', () => {
  it('refuses a pair with a name it does not know, driver or agent', () => {
    const inv = findInvariant('FailuresWithinCloses')!;
    expect(() => verdictOn(inv, { driver: 'nope', agent: 'postfix' }, 'e1')).toThrow(
      'no pair nope × postfix',
    );
    expect(() => verdictOn(inv, { driver: 'original', agent: 'nope' }, 'e1')).toThrow(
      'no pair original × nope',
    );
  });

  it('judges a witness with no fault to inject on its trace and close-out', () => {
    // Before the close-out the flow has shipped no close; the close-out's poll ships it.
    const inv = withWitness('CloseReportedOnce', {
      driver: 'original',
      agent: 'postfix',
      trace: 'e1 f1 fd1*4',
    });
    expect(witnessVerdict(inv)).toBe('holds');
  });

  it('judges an injecting witness on the last state of its trace, fault left out, when fixed', () => {
    const inv = withWitness('FailuresWithinCloses', {
      driver: 'original',
      agent: 'prefix',
      trace: PR_RACE,
      inject: (s) => s,
    });
    expect(fixedVerdict(inv)).toBe('violated');
  });

  it('leaves the state as it is for a witness that injects nothing', () => {
    expect(injectedState(findInvariant('FailuresWithinCloses')!).lastPoll?.index).toBe(2);
  });
});
