/**
 * `matrix --update-manifest` rewrites the committed expectations on purpose and says which
 * verdicts changed (checking/manifest.ts). Here on hand-built matrices and a manifest of its own
 * in a temporary directory, not the committed one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Matrix } from '../checking/matrix.js';
import { manifestOf } from '../checking/manifest.js';
import type { Environment } from '../engine/environment.js';
import { bufferIo } from './io.js';
import { updateManifest } from './matrixCommand.js';

const TMP = mkdtempSync(join(tmpdir(), 'lingering-update-manifest-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A matrix of one pair and one invariant with the given verdict. */
const matrix = (environment: Environment, verdict: 'holds' | 'violated'): Matrix => ({
  environment,
  seed: 3,
  runs: 5,
  layers: 2,
  cells: [
    {
      driver: 'original',
      agent: 'prefix',
      invariant: 'FailuresWithinCloses',
      verdict,
      tried: 5,
      counterexampleLength: verdict === 'holds' ? null : 4,
      counterexample: verdict === 'holds' ? null : [],
    },
  ],
  sometimes: [],
});

function update(matrices: readonly Matrix[], path: string) {
  const b = bufferIo();
  updateManifest(matrices, b.io, path);
  return { stderr: b.stderr(), written: readFileSync(path, 'utf8') };
}

describe('updateManifest', () => {
  it('writes a new manifest of every matrix given, and says it is new', () => {
    const path = join(TMP, 'new.json');
    const matrices = [matrix('isolated', 'holds'), matrix('production', 'violated')];
    const r = update(matrices, path);
    expect(r.written).toBe(`${JSON.stringify(manifestOf(matrices), null, 2)}\n`);
    expect(r.stderr).toBe('manifest: 1 change(s)\n  (new manifest)\n');
  });

  it('says no verdict changed when the run agrees with the manifest', () => {
    const path = join(TMP, 'same.json');
    update([matrix('isolated', 'holds')], path);
    expect(update([matrix('isolated', 'holds')], path).stderr).toBe(
      'manifest: no verdict changed\n',
    );
  });

  it('names each changed verdict, one indented line each in the order of the environments, and records the new one', () => {
    const path = join(TMP, 'changed.json');
    update([matrix('isolated', 'holds'), matrix('production', 'holds')], path);
    const next = [matrix('isolated', 'violated'), matrix('production', 'violated')];
    const r = update(next, path);
    expect(r.stderr).toBe(
      [
        'manifest: 2 change(s)',
        '  production original/prefix FailuresWithinCloses: expected holds, found violated',
        '  isolated original/prefix FailuresWithinCloses: expected holds, found violated',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(r.written)).toEqual(manifestOf(next));
  });
});
