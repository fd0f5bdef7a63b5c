/**
 * Writes README's "What the environment allows" table from the committed manifest and the saved
 * counterexamples (render/environmentTable.ts). Run by `npm run manifest` and
 * `npm run counterexamples`; `render/environmentTable.test.ts` fails while README is behind.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { scriptOptions } from '../cli/args.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import { environmentTable, withEnvironmentTable } from '../render/environmentTable.js';
import { loadCounterexamples } from '../checking/loadCounterexamples.js';
import { readManifest } from '../checking/manifest.js';

scriptOptions(
  {
    name: 'scripts/environmentTable.ts',
    purpose: "rewrite the README's environment table",
    options: {},
  },
  () => undefined,
);
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const next = withEnvironmentTable(
  readFileSync(README, 'utf8'),
  environmentTable(readManifest(), loadCounterexamples()),
);
if (next === null) {
  process.stderr.write('README.md: the environment-table markers are missing\n');
  process.exitCode = 1;
} else atomicWrite(README, next);
