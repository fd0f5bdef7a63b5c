import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDirectory } from './createDirectory.js';
import { WriteError } from './WriteError.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'lingering-mkdir-'));

describe('createDirectory', () => {
  it('creates the missing parents and returns the first one it made', () => {
    const dir = fresh();
    expect(createDirectory(join(dir, 'a', 'b', 'c'))).toBe(join(dir, 'a'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
  });

  it('returns undefined for a directory that exists', () => {
    expect(createDirectory(fresh())).toBeUndefined();
  });

  it('throws a WriteError naming the path under a regular file, creating nothing', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plain'), 'x');
    const target = join(dir, 'plain', 'r');
    expect(() => createDirectory(target)).toThrow(WriteError);
    expect(() => createDirectory(target)).toThrow(`${target}: ENOTDIR`);
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  it.runIf(existsSync('/proc/self'))('fails under /proc instead of looping for ever', () => {
    // mkdirSync(..., { recursive: true }) spins here when mkdir answers ENOENT (as root).
    expect(() => createDirectory('/proc/lingering-report')).toThrow(WriteError);
  });
});
