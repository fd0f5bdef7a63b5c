/**
 * `npm run readme-demos`: rewrites the README's demo outputs (scripts/readmeDemos.ts) from the
 * commands that print them, after a change of output.
 */
import { readFileSync } from 'node:fs';
import { scriptOptions } from '../cli/args.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import { withDemos } from './readmeDemos.js';

scriptOptions('readme-demos', {}, () => undefined);
const README = new URL('../README.md', import.meta.url).pathname;
atomicWrite(README, await withDemos(readFileSync(README, 'utf8')));
process.stdout.write('wrote README.md demo outputs\n');
