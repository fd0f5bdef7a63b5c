/**
 * The same command with the same seed prints byte-identical output, in separate processes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const lingering = (...argv: string[]) =>
  run('node', ['bin/lingering.js', ...argv], { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('determinism', () => {
  it('prints identical matrix JSON twice for the same seed', async () => {
    const [a, b] = await Promise.all([
      lingering('matrix', '--json', '--seed', '3', '--runs', '2'),
      lingering('matrix', '--json', '--seed', '3', '--runs', '2'),
    ]);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it('prints identical check JSON twice for the same seed', async () => {
    const argv = ['check', '--driver', 'original', '--agent', 'prefix', '--seed', '5', '--json'];
    // Exit 1 (a violation) rejects; the error carries the code and the output.
    const failed = (e: { code: number; stdout: string }) => e;
    const [a, b] = await Promise.all([
      lingering(...argv).then((r) => ({ code: 0, stdout: r.stdout }), failed),
      lingering(...argv).then((r) => ({ code: 0, stdout: r.stdout }), failed),
    ]);
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
  });
});
