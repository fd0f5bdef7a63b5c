/**
 * A setup file of vitest.mutation.config.ts: loads every module of the mutated directory (every
 * directory when none is named) before the first test runs.
 *
 * Stryker calls a mutant static when its code ran while no test was running, that is while its
 * module loaded; it leaves those to scripts/staticMutants.ts. A module that the command line
 * imports only when its command runs (cli/main.ts loads each command lazily) would otherwise load
 * inside a test, and the code it runs at load would count as that test's. With the worker kept
 * between runs (scripts/keepVitestWorker.mjs) that code never runs again under a mutant, so such
 * a mutant could only survive; loaded here first, it is static and re-tested as plain source.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MUTATED_DIRECTORIES } from './mutationScore.js';

const named = process.env.LINGERING_MUTATION_DIR;
const directories = named === undefined ? MUTATED_DIRECTORIES : [named];

const modulesOf = (directory: string): string[] =>
  readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => resolve(join(directory, f)));

for (const file of directories.flatMap(modulesOf)) await import(pathToFileURL(file).href);
