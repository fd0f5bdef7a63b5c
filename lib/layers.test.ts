/**
 * Imports point one way: each folder imports only from itself and the folders below it, bottom
 * to top as README's Layout lists them. Tests and their fixtures sit above every layer (they may
 * import what they test from anywhere); every other `.ts` file is held to its folder's rank.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Bottom to top; folders on one line share a rank. */
const LAYERS: readonly (readonly string[])[] = [
  ['lib'],
  ['engine'],
  ['invariants'],
  ['model'],
  ['generators'],
  ['explorer'],
  ['checking'],
  ['history'],
  ['render'],
  ['interchange'],
  ['cli'],
  ['bench', 'scripts'],
];

const rank = (folder: string): number => LAYERS.findIndex((l) => l.includes(folder));
const isTestSupport = (file: string): boolean =>
  /\.test\.ts$/.test(file) || /(^|\/)fixtures\//.test(file) || /Fixtures\.ts$/.test(file);

/** The top-level folders a source file imports from (relative specifiers only). */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => normalize(join(dirname(file), s as string)).split('/')[0] as string);
}

const sources = execFileSync('git', ['ls-files', '*.ts'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && rank(f.split('/')[0] as string) >= 0 && !isTestSupport(f));

describe('layers', () => {
  it('gives every source folder a rank', () => {
    const folders = new Set(sources.map((f) => f.split('/')[0]));
    expect([...folders].filter((f) => rank(f as string) < 0)).toEqual([]);
    expect(folders.size).toBeGreaterThan(8);
  });

  it('has no source file importing a folder above its own', () => {
    const upward = sources.flatMap((file) => {
      const own = rank(file.split('/')[0] as string);
      return importedFolders(file)
        .filter((folder) => rank(folder) > own)
        .map((folder) => `${file} imports ${folder}/`);
    });
    expect(upward).toEqual([]);
  });

  it('catches an upward import (the check can fail)', () => {
    const own = rank('render');
    expect(importedFolders('cli/main.ts').some((f) => rank(f) > own)).toBe(true);
  });
});
