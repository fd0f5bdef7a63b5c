/**
 * The committed expected verdicts of the matrix in each environment, in the spirit of the
 * `manifest.json` files of tlaplus/Examples: CI fails on any change of verdict, for better or
 * worse, until the file is updated on purpose (`npm run manifest`). An assertion only: reports
 * print what was measured.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Environment } from '../engine/environment.js';
import { ENVIRONMENTS } from '../engine/environment.js';
import type { DeepReadonly } from '../lib/DeepReadonly.js';
import { ManifestSchema } from './ManifestSchema.js';
import type { Matrix } from './matrix.js';

/** Where the manifest lives. */
export const MANIFEST_PATH = fileURLToPath(new URL('./manifest.json', import.meta.url));

/** `driver/agent` → invariant → verdict. */
export type PairVerdicts = Readonly<Record<string, Readonly<Record<string, 'holds' | 'violated'>>>>;

/** The manifest's content: the verdicts of every environment's matrix at one seed and run count. */
export type Manifest = DeepReadonly<z.output<typeof ManifestSchema>>;

/** The manifest that records `matrices` (one per environment, run with the same seed and runs). */
export function manifestOf(matrices: readonly Matrix[]): Manifest {
  const first = matrices[0];
  if (first === undefined) throw new RangeError('manifestOf: no matrix');
  const environments: Partial<Record<Environment, { pairs: PairVerdicts }>> = {};
  for (const env of ENVIRONMENTS) {
    const m = matrices.find((x) => x.environment === env);
    if (m === undefined) continue;
    const pairs: Record<string, Record<string, 'holds' | 'violated'>> = {};
    for (const c of m.cells) (pairs[`${c.driver}/${c.agent}`] ??= {})[c.invariant] = c.verdict;
    environments[env] = { pairs };
  }
  return {
    about:
      'Expected verdict of every matrix cell in each environment at this seed and run count. CI compares; update with `npm run manifest` on purpose.',
    seed: first.seed,
    runs: first.runs,
    layers: first.layers,
    environments,
  };
}

/** Reads the committed manifest. */
export function readManifest(path = MANIFEST_PATH): Manifest {
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `${path}: not a manifest (docs/schemas/manifest.schema.json): ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'unknown'}`,
  );
}

/** The cells whose verdict differs between the manifest and a run, one line each (environments `actual` has). */
export function manifestChanges(expected: Manifest, actual: Manifest): string[] {
  const out: string[] = [];
  for (const env of ENVIRONMENTS) {
    const a = actual.environments[env]?.pairs;
    if (a === undefined) continue;
    const e = expected.environments?.[env]?.pairs ?? {};
    for (const pair of new Set([...Object.keys(e), ...Object.keys(a)])) {
      const ep = e[pair] ?? {};
      const ap = a[pair] ?? {};
      for (const inv of new Set([...Object.keys(ep), ...Object.keys(ap)])) {
        if (ep[inv] !== ap[inv])
          out.push(
            `${env} ${pair} ${inv}: expected ${ep[inv] ?? 'nothing'}, found ${ap[inv] ?? 'nothing'}`,
          );
      }
    }
  }
  return out;
}
