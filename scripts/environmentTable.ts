/**
 * Writes README's "What the environment allows" table from the committed manifest and the saved
 * counterexamples (properties/environmentTable.ts). Run by `npm run manifest` and
 * `npm run counterexamples`; `properties/environmentTable.test.ts` fails while README is behind.
 */
import { readFileSync } from 'node:fs';
import { atomicWrite } from '../lib/atomicWrite.js';
import { environmentTable, withEnvironmentTable } from '../properties/environmentTable.js';
import { loadCounterexamples } from '../properties/loadCounterexamples.js';
import { readManifest } from '../properties/manifest.js';

const README = new URL('../README.md', import.meta.url).pathname;
const next = withEnvironmentTable(
  readFileSync(README, 'utf8'),
  environmentTable(readManifest(), loadCounterexamples()),
);
if (next === null) {
  process.stderr.write('README.md: the environment-table markers are missing\n');
  process.exitCode = 1;
} else atomicWrite(README, next);
