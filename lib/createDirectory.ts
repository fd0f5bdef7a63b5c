/**
 * Creates a directory and its missing parents, one at a time. Node's `mkdirSync(path, { recursive:
 * true })` loops for ever where `mkdir` answers ENOENT under a parent that exists (`/proc/r` as
 * root): its mkdirp steps up to the parent, finds it, and tries the child again.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { removeQuietly } from './cleanupOnExit.js';
import { WriteError } from './WriteError.js';

/**
 * Creates `path` and its missing parents; returns the first directory it created (absolute), or
 * undefined when `path` existed. On failure it removes what it created and throws a
 * {@link WriteError} naming `path`.
 *
 * @example
 * createDirectory('reports/lingering') //=> '/work/reports' when reports/ did not exist
 */
export function createDirectory(path: string): string | undefined {
  const missing: string[] = [];
  for (let p = resolve(path); !existsSync(p) && dirname(p) !== p; p = dirname(p))
    missing.unshift(p);
  let created = 0;
  try {
    for (const dir of missing) {
      mkdirSync(dir);
      created++;
    }
  } catch (e) {
    if (created > 0) removeQuietly(missing[0] as string);
    throw new WriteError(path, e);
  }
  return missing[0];
}
