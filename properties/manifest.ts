/**
 * The committed expected verdicts of the matrix, in the spirit of the `manifest.json` files of
 * tlaplus/Examples: CI fails on any change of verdict, for better or worse, until the file is
 * updated on purpose (`npm run manifest`). An assertion only: reports print what was measured.
 */
import { readFileSync } from 'node:fs';
import type { Matrix } from './matrix.js';

/** Where the manifest lives. */
export const MANIFEST_PATH = new URL('./manifest.json', import.meta.url).pathname;

/** The manifest's content. */
export interface Manifest {
  readonly about: string;
  readonly seed: number;
  readonly runs: number;
  readonly layers: number;
  /** `driver/agent` → invariant → verdict. */
  readonly pairs: Readonly<Record<string, Readonly<Record<string, 'holds' | 'violated'>>>>;
}

/** The manifest that records `m`. */
export function manifestOf(m: Matrix): Manifest {
  const pairs: Record<string, Record<string, 'holds' | 'violated'>> = {};
  for (const c of m.cells) (pairs[`${c.driver}/${c.agent}`] ??= {})[c.invariant] = c.verdict;
  return {
    about: 'Expected verdict of every matrix cell at this seed and run count. CI compares; update with `npm run manifest` on purpose.',
    seed: m.seed,
    runs: m.runs,
    layers: m.layers,
    pairs,
  };
}

/** Reads the committed manifest. */
export const readManifest = (path = MANIFEST_PATH): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

/** The cells whose verdict differs between the manifest and a run, one line each. */
export function manifestChanges(expected: Manifest, actual: Manifest): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(expected.pairs), ...Object.keys(actual.pairs)]);
  for (const pair of keys) {
    const e = expected.pairs[pair] ?? {};
    const a = actual.pairs[pair] ?? {};
    for (const inv of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if (e[inv] !== a[inv]) out.push(`${pair} ${inv}: expected ${e[inv] ?? 'nothing'}, found ${a[inv] ?? 'nothing'}`);
    }
  }
  return out;
}
