/**
 * The isolated matrix against the committed verdicts (checking/manifest.json), beside the
 * production one (manifest.test.ts): the environment kept for comparison gives the suite's
 * earlier verdicts, and the acceptance cells of the first matrix.
 */
import { describe, expect, it } from 'vitest';
import { manifestChanges, manifestOf, readManifest } from './manifest.js';
import { runMatrix } from './matrix.js';
import { matrixExtras } from './matrixExtras.js';

const expected = readManifest();

describe(`the isolated matrix against checking/manifest.json (seed ${expected.seed}, ${expected.runs} runs)`, () => {
  const m = runMatrix({
    environment: 'isolated',
    seed: expected.seed,
    runs: expected.runs,
    layers: expected.layers,
    extra: matrixExtras,
  });

  it('gives every recorded verdict, and no other', () => {
    expect(manifestChanges(expected, manifestOf([m]))).toEqual([]);
  });

  it('reaches every scenario in every pair, so no holds is vacuous', () => {
    expect(m.sometimes.filter((s) => s.runs === 0)).toEqual([]);
  });

  it('shows the acceptance cells of the first matrix', () => {
    const v = (d: string, a: string, i: string) =>
      m.cells.find((c) => c.driver === d && c.agent === a && c.invariant === i)?.verdict;
    expect(v('original', 'prefix', 'RateAtMost100')).toBe('violated');
    expect(v('original', 'prefix', 'NoLingeringAtQuiescence')).toBe('violated');
    expect(v('original', 'postfix', 'RateAtMost100')).toBe('holds');
    expect(v('original', 'postfix', 'NoLingeringAtQuiescence')).toBe('violated');
    expect(v('deferred-move-racy', 'postfix', 'NoLingeringAtQuiescence')).toBe('violated');
    const lockPostfix = m.cells.filter(
      (c) => c.driver === 'flow-lock' && c.agent === 'postfix' && c.verdict === 'violated',
    );
    expect(lockPostfix.map((c) => c.invariant)).toEqual(['TelemetryCountsOnlyLingering']);
  });
});
