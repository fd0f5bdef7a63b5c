/**
 * `lingering matrix --junit FILE`: well-formed JUnit with one test case per cell of the printed
 * matrix and a failure per violated cell; an existing FILE is refused before the run, untouched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants, parseXml } from '../render/parseXml.js';
import type { Io } from './io.js';
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

  it('says where it wrote in the text form, with no progress under --quiet', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-junit-')), 'matrix.xml');
    // Progress every 0 ms: only --quiet keeps standard error empty.
    const b = bufferIo(0);
    expect(await main(['matrix', '--runs', '1', '--quiet', '--junit', file], b.io)).toBe(0);
    expect(b.stderr()).toBe('');
    expect(b.stdout()).toMatch(/^lingering matrix: production environment, seed 1, 1 generated/);
    expect(b.stdout().endsWith(`\nwrote ${file}\n`)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^<\?xml /);
  });

  it('does not write over a file that appeared during the run', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-junit-')), 'matrix.xml');
    const b = bufferIo(0);
    // Another process creates the file once the run has started (at its first progress line).
    let created = false;
    const io: Io = {
      ...b.io,
      err: (t) => {
        if (!created) writeFileSync(file, 'mine');
        created = true;
        b.io.err(t);
      },
    };
    expect(await main(['matrix', '--runs', '1', '--junit', file], io)).toBe(2);
    expect(b.stderr()).toMatch(/\nlingering: --junit: .* exists; matrix never writes over a file/);
    expect(b.stdout()).not.toMatch(/wrote/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
