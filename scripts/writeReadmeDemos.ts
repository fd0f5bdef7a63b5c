/**
 * `npm run readme-demos`: rewrites the README's demo outputs (scripts/readmeDemos.ts) from the
 * commands that print them, after a change of output, and its command table
 * (scripts/readmeCommands.ts) from the commands' option tables.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { scriptOptions } from '../cli/args.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import { withCommandTable } from './readmeCommands.js';
import { withDemos } from './readmeDemos.js';

scriptOptions(
  {
    name: 'readme-demos',
    purpose: "rewrite the README's demo outputs and command table",
    options: {},
  },
  () => undefined,
);
const README = fileURLToPath(new URL('../README.md', import.meta.url));
const demos = await withDemos(readFileSync(README, 'utf8'));
const next = withCommandTable(demos);
if (next === null) {
  process.stderr.write('readme-demos: README.md: no <!-- commands:start --> … end markers\n');
  process.exit(1);
}
atomicWrite(README, next);
process.stdout.write('wrote README.md demo outputs and command table\n');
