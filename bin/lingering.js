#!/usr/bin/env node
// Entry point of the `lingering` command: loads the TypeScript CLI through tsx, so a fresh
// `npm ci` is all the set-up there is (no build step).
// The parent, read first: if it dies while the CLI loads, the CLI still notices (lib/cleanupOnExit.ts).
const parent = process.ppid;
const { register } = await import('tsx/esm/api');

register();
const { runProcess } = await import('../cli/main.ts');
await runProcess(process.argv.slice(2), parent);
