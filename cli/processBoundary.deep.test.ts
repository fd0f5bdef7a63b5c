/**
 * The boundary around the process itself (bin/lingering.js → runProcess): standard output that
 * fails after the write call returned, an error thrown outside any await, and a dead parent.
 */
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/lingering.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Ended {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node args` with standard output `stdout` ('pipe' or a file descriptor). */
function node(args: readonly string[], stdout: 'pipe' | number, closeStdout = false) {
  const child = spawn('node', args, { cwd: ROOT, stdio: ['ignore', stdout, 'pipe'] });
  let out = '';
  let err = '';
  // Closing our end at once: the command's first write meets a reader that is gone (EPIPE).
  if (closeStdout) child.stdout?.destroy();
  else child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise<Ended>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout: out, stderr: err })),
  );
}

describe('the process boundary', () => {
  it('stops quietly when the reader of standard output is gone (`variants | head -1`)', async () => {
    const r = await node([BIN, 'variants'], 'pipe', true);
    expect(r).toMatchObject({ status: 0, signal: null, stderr: '' });
  });

  it.runIf(existsSync('/dev/full'))(
    'says in one line that standard output is full, exit 3 (`variants > /dev/full`)',
    async () => {
      const r = await node([BIN, 'variants'], openSync('/dev/full', 'w'));
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(
        /^lingering: stdout: no space left on device \(ENOSPC\); free space or write elsewhere\n$/,
      );
    },
  );

  it('gives an error thrown outside any await one line and exit 4', async () => {
    const code = [
      "import { runProcess } from './cli/main.ts';",
      "setImmediate(() => { throw new Error('late failure'); });",
      "await runProcess(['variants']);",
    ].join('\n');
    const r = await node(['--import', 'tsx', '--input-type=module', '-e', code], 'pipe');
    expect(r.status).toBe(4);
    expect(r.stderr).toBe(
      'lingering: internal error: late failure; run again with --debug for the stack trace\n',
    );
  });

  it('stops when its parent dies, as under npx sent SIGTERM, writing nothing', async () => {
    // npx runs a bin through `sh -c` and forwards SIGTERM to that shell only; dash dies of it and
    // leaves lingering running under init (lib/cleanupOnExit.ts).
    const out = join(mkdtempSync(join(tmpdir(), 'lingering-orphan-')), 'report');
    const sh = spawn('sh', ['-c', `node "${BIN}" report --out "${out}" --runs 1; true`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LINGERING_PROGRESS_MS: '0' },
    });
    let stderr = '';
    sh.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The first progress line: lingering is running its matrix. Then its parent dies.
    await new Promise((resolve) => sh.stderr.once('data', resolve));
    sh.kill('SIGTERM');
    // lingering holds the shell's standard output and error until it exits.
    await new Promise((resolve) => sh.stdout.on('close', resolve));
    expect(stderr).toMatch(/^progress: report: matrix 1\//);
    expect(stderr).not.toContain('report: wrote');
    expect(existsSync(out)).toBe(false);
  });
});
