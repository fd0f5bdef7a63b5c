/**
 * Input files that are not small regular JSON files, through the binary: a FIFO with no writer,
 * a device, a directory, a file over the cap and JSON nested 100,000 levels deep are each refused
 * by `replay` and `audit` with one line on stderr and exit 2, at once (engine/readInputFile.ts,
 * engine/jsonDepth.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lingering-limits-'));
const fifo = join(dir, 'fifo.json');
const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
const folder = join(dir, 'folder.json');
mkdirSync(folder);
const deep = join(dir, 'deep.json');
writeFileSync(deep, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
/** Sparse files one byte over each cap: nothing is written, fstat reports the size. */
const bigTrace = join(dir, 'big.json');
writeFileSync(bigTrace, '');
truncateSync(bigTrace, 20 * 1024 * 1024 + 1);
const bigHistory = join(dir, 'big.jsonl');
writeFileSync(bigHistory, '');
truncateSync(bigHistory, 64 * 1024 * 1024 + 1);

function refusal(argv: readonly string[]) {
  const start = performance.now();
  const r = spawnSync('node', ['bin/lingering.js', ...argv], { encoding: 'utf8', timeout: 5000 });
  return { ...r, ms: performance.now() - start };
}

const cases: [string, string, string, boolean][] = [
  ['replay', fifo, 'got a FIFO; allowed: a trace file that is a regular file', hasFifo],
  ['audit', fifo, 'got a FIFO; allowed: a history file that is a regular file', hasFifo],
  ['replay', '/dev/zero', 'got a device', true],
  ['audit', '/dev/zero', 'got a device', true],
  ['replay', folder, 'got a directory', true],
  ['audit', folder, 'got a directory', true],
  ['replay', bigTrace, 'got a file over 20 MiB; allowed: a trace file up to 20 MiB', true],
  ['audit', bigHistory, 'got a file over 64 MiB; allowed: a history file up to 64 MiB', true],
  ['replay', deep, 'file: got JSON nested deeper than 64 levels', true],
  ['audit', deep, 'got JSON nested deeper than 64 levels', true],
];

describe('input files with limits, through the binary', () => {
  it.for(cases)(
    '%s %s: one line, exit 2',
    { timeout: 10_000 },
    ([command, file, message, runs], { skip }) => {
      if (!runs) skip('no mkfifo on this machine');
      const r = refusal([command, file]);
      expect(r.ms).toBeLessThan(5000);
      expect([r.status, r.stdout]).toEqual([2, '']);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`lingering: ${file}: ${message}`);
    },
  );
});
