/**
 * A new invariant is one file of catalogue/: the registry discovers it, and this test holds it to
 * declaring everything the rest of the suite reads of an invariant (Invariant.ts), its witness
 * included. teeth.test.ts runs every discovered invariant's witness: it must violate it.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invariants } from './index.js';
import type { Invariant } from './Invariant.js';
import { agentNamed, driverNamed } from './teethFixtures.js';

const files = readdirSync(new URL('catalogue/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

const isScope = (scope: Invariant['scope']): boolean =>
  scope === 'perFlow' ||
  scope === 'wholeState' ||
  (typeof scope === 'object' &&
    typeof scope.connection === 'function' &&
    typeof scope.shared === 'function');

const cases = invariants.map((i) => [i.name, i] as const);

describe('the invariant registry', () => {
  it('lists exactly the files of catalogue/, each named after its invariant', () => {
    expect(invariants.map((i) => i.name).sort()).toEqual([...files].sort());
  });

  it.each(cases)('%s declares every field', (_name, inv) => {
    expect(inv.statement).toMatch(/\S/);
    expect(['everyStep', 'quiescence']).toContain(inv.when);
    expect(typeof inv.check).toBe('function');
    expect(isScope(inv.scope)).toBe(true);
    expect(typeof inv.explain).toBe('function');
    expect(inv.witness.trace).toMatch(/\S/);
  });

  it.each(cases)('%s names a witness pair that exists', (_name, { witness }) => {
    for (const pair of [witness, ...(witness.fixed === undefined ? [] : [witness.fixed])]) {
      expect(driverNamed(pair.driver)?.name).toBe(pair.driver);
      expect(agentNamed(pair.agent)?.name).toBe(pair.agent);
    }
  });
});
