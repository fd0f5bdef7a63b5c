/**
 * `lingering matrix --junit FILE`: well-formed JUnit with one test case per cell of the printed
 * matrix and a failure per violated cell; an existing FILE is refused before the run, untouched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants, parseXml } from '../render/parseXml.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

describe('matrix --junit', () => {
  it('writes one test case per cell, failing the violated ones', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-junit-')), 'matrix.xml');
    const r = await run('matrix', '--runs', '2', '--quiet', '--json', '--junit', file);
    expect(r.status).toBe(0);
    const cells = (JSON.parse(r.stdout) as { cells: { verdict: string }[] }).cells;
    const all = descendants(parseXml(readFileSync(file, 'utf8')));
    expect(all.filter((e) => e.name === 'testcase')).toHaveLength(cells.length);
    const violated = cells.filter((c) => c.verdict === 'violated').length;
    expect(violated).toBeGreaterThan(0);
    expect(all.filter((e) => e.name === 'failure')).toHaveLength(violated);
  });

  it('refuses an existing file in one line with exit 2 and leaves it as it was', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-junit-')), 'matrix.xml');
    writeFileSync(file, 'mine');
    const r = await run('matrix', '--runs', '1', '--junit', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lingering: --junit: .* exists; matrix never writes over a file/);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
