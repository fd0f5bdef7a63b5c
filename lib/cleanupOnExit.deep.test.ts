/**
 * Signals during writes: a process writing file after file through atomicWrite is sent SIGTERM or
 * SIGHUP; it exits with 128 + the signal's number and leaves no temporary file, whenever the
 * signal lands (a handler runs between synchronous writes, so the write under way finishes and
 * removes its temporary file first).
 */
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrphaned, SIGNAL_STATUS } from './cleanupOnExit.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A process that writes 8 MB files into `dir` until stopped; says `ready` after the first. */
function writer(dir: string) {
  const code = [
    "import { atomicWrite } from './lib/atomicWrite.ts';",
    "const text = 'x'.repeat(8e6);",
    'let n = 0;',
    'const step = () => {',
    `  atomicWrite(${JSON.stringify(join(dir, 'out.json'))}, text + n);`,
    "  if (n++ === 0) process.stdout.write('ready\\n');",
    '  setImmediate(step);',
    '};',
    'step();',
  ].join('\n');
  return spawn('node', ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('cleanupOnExit', () => {
  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)(
    'on %s during writes: exits 128 + n, no temporary file left',
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), 'lingering-signal-'));
      const child = writer(dir);
      await new Promise((resolve) => child.stdout.once('data', resolve));
      child.kill(signal);
      const [status, killedBy] = await new Promise<[number | null, string | null]>((resolve) =>
        child.on('close', (s, k) => resolve([s, k])),
      );
      expect([status, killedBy]).toEqual([SIGNAL_STATUS[signal], null]);
      expect(readdirSync(dir)).toEqual(['out.json']);
    },
  );

  it('is not orphaned while its parent lives', () => {
    expect(isOrphaned()).toBe(false);
  });
});
