/**
 * `tsx scripts/scaleFigures.ts [EVENTS…] [polling|lifecycle…]` (default 10000 100000, both
 * traces): the time, peak memory and output size of `export --format itf` and `render --format
 * html|svg|mermaid` on the long traces of scripts/scaleTraces.ts, each command a process of its
 * own measured by GNU time (`%e %M`: seconds and peak resident kilobytes). Prints a markdown
 * table; the README's "Reliability of the checker" quotes it. Output goes to a temporary file,
 * measured, then removed.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScaleTrace } from './scaleTraces.js';
import { lifecycleTrace, pollingTrace } from './scaleTraces.js';

const TRACES: Readonly<Record<string, (n: number) => ScaleTrace>> = {
  polling: pollingTrace,
  lifecycle: lifecycleTrace,
};

const COMMANDS: readonly (readonly string[])[] = [
  ['export', '--format', 'itf'],
  ['render', '--format', 'html'],
  ['render', '--format', 'svg'],
  ['render', '--format', 'mermaid'],
];

/** One command's seconds, peak MB and output MB. */
function measure(dir: string, file: string, command: readonly string[]): string[] {
  const out = join(dir, 'out');
  const times = join(dir, 'time');
  const fd = openSync(out, 'w');
  const [verb, ...options] = command;
  try {
    execFileSync(
      '/usr/bin/time',
      ['-f', '%e %M', '-o', times, 'node', 'bin/lingering.js', verb!, file, ...options],
      { stdio: ['ignore', fd, 'inherit'] },
    );
  } finally {
    closeSync(fd);
  }
  const [seconds, kb] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
  const bytes = statSync(out).size;
  rmSync(out);
  return [String(seconds), String(Math.round((kb ?? 0) / 1024)), (bytes / 1e6).toFixed(1)];
}

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const names = args.filter((a) => a in TRACES);
const dir = mkdtempSync(join(tmpdir(), 'lingering-scale-'));
console.log('| trace | events | command | seconds | peak MB | output MB |');
console.log('| --- | ---: | --- | ---: | ---: | ---: |');
try {
  for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) {
    for (const [name, make] of Object.entries(TRACES)) {
      if (names.length > 0 && !names.includes(name)) continue;
      const file = join(dir, `${name}-${n}.json`);
      const trace = make(n);
      writeFileSync(file, JSON.stringify(trace));
      for (const command of COMMANDS) {
        const row = [name, String(trace.events.length), command.join(' ')];
        console.log(`| ${[...row, ...measure(dir, file, command)].join(' | ')} |`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true });
}
