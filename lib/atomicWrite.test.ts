import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWrite } from './atomicWrite.js';

/** One process that waits for `start` (ms since the epoch), then writes 1 MB without clobbering. */
const racer = (file: string, start: number, tag: number) =>
  new Promise<string>((resolve) => {
    const code = [
      "import { atomicWrite } from './lib/atomicWrite.ts';",
      `while (Date.now() < ${start});`,
      `console.log(atomicWrite(${JSON.stringify(file)}, 'x'.repeat(1e6) + ${tag}, { noClobber: true }));`,
    ].join('\n');
    execFile('node', ['--import', 'tsx', '--input-type=module', '-e', code], (_e, out) =>
      resolve(out.trim()),
    );
  });

const fresh = () => mkdtempSync(join(tmpdir(), 'lingering-write-'));

describe('atomicWrite', () => {
  it('writes a new file whole and leaves no temporary file', () => {
    const dir = fresh();
    expect(atomicWrite(join(dir, 'a.json'), '{"a":1}\n', { noClobber: true })).toBe(true);
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"a":1}\n');
  });

  it('without clobbering, keeps a file that exists and says so', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.json'), 'first');
    expect(atomicWrite(join(dir, 'a.json'), 'second', { noClobber: true })).toBe(false);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('replaces a file when clobbering is allowed', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a.json'), 'first');
    expect(atomicWrite(join(dir, 'a.json'), 'second')).toBe(true);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('second');
  });

  it('throws for a directory that does not exist, creating nothing', () => {
    const dir = fresh();
    expect(() => atomicWrite(join(dir, 'missing', 'a.json'), 'x', { noClobber: true })).toThrow();
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('lets exactly one of six processes that write one new file at the same moment win', async () => {
    // An exists-then-rename check lets several win here; a hard link admits one.
    const file = join(fresh(), 't.json');
    const start = Date.now() + 1500;
    const said = await Promise.all([1, 2, 3, 4, 5, 6].map((tag) => racer(file, start, tag)));
    expect(said.filter((s) => s === 'true')).toHaveLength(1);
    expect(said.filter((s) => s === 'false')).toHaveLength(5);
    expect(readFileSync(file, 'utf8')).toHaveLength(1e6 + 1);
  });
});
