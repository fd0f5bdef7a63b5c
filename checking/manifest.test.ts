/**
 * CI invariant checks with committed verdicts: the production matrix at the manifest's seed and
 * run count must give exactly the recorded verdicts. A change, for better or worse, fails until
 * `npm run manifest` records it on purpose. (The isolated matrix: manifestIsolated.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMatrix } from '../cli/matrixCommand.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../cli/specs/commonOptions.js';
import { demosOf } from '../scripts/readmeDemos.js';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { invariantNames } from '../invariants/index.js';
import { manifestChanges, manifestOf, readManifest } from './manifest.js';
import { runMatrix } from './matrix.js';
import { matrixExtras } from './matrixExtras.js';

const expected = readManifest();

describe(`the production matrix against checking/manifest.json (seed ${expected.seed}, ${expected.runs} runs)`, () => {
  const m = runMatrix({
    environment: 'production',
    seed: expected.seed,
    runs: expected.runs,
    layers: expected.layers,
    extra: matrixExtras,
  });

  it('gives every recorded verdict, and no other', () => {
    expect(manifestChanges(expected, manifestOf([m]))).toEqual([]);
  });

  it("is the matrix the README's demo shows (npm run readme-demos rewrites it)", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const demo = demosOf(readme).find((d) => d.argv[0] === 'matrix');
    expect(demo?.argv).toEqual(['matrix']);
    expect([expected.seed, expected.runs]).toEqual([DEFAULT_SEED, DEFAULT_RUNS]);
    expect(demo?.shown).toBe(formatMatrix(m));
  });

  it('reaches every scenario, the production ones included, in every pair, so no holds is vacuous', () => {
    expect(m.sometimes.filter((s) => s.runs === 0)).toEqual([]);
    expect(new Set(m.sometimes.map((s) => s.scenario)).size).toBe(8);
  });

  it('has a cell for every driver × agent × invariant, TelemetryCountsOnlyLingering and EngineMatchesModel included', () => {
    expect(m.cells.length).toBe(driverNames.length * agentNames.length * invariantNames.length);
    expect(invariantNames).toContain('TelemetryCountsOnlyLingering');
    expect(
      m.cells.filter((c) => c.invariant === 'EngineMatchesModel' && c.verdict === 'violated'),
    ).toEqual([]);
  });
});
