/**
 * What readInputFile does when the file changes under it, and with the descriptors it opens. A
 * path that changes kind between stat and open, or a file that grows after fstat, cannot be made
 * to happen on cue, so `node:fs` is stubbed: the spy is written into the builtin module's ESM
 * exports (`syncBuiltinESMExports`), which readInputFile's named imports read at each call.
 */
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readInputFile } from './readInputFile.js';

const dir = mkdtempSync(join(tmpdir(), 'lingering-races-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const limits = { maxBytes: 8, what: 'a test file', accepted: 'a readable test file' };
const KIND_ALLOWED = 'a test file that is a regular file (not a FIFO, socket, device or directory)';
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
const fileOf = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Spies on `fs[name]` (calling through unless `impl` is given) as readInputFile sees it. */
function stub<K extends 'statSync' | 'fstatSync' | 'openSync' | 'closeSync'>(
  name: K,
  impl?: (typeof fs)[K],
) {
  const spy = vi.spyOn(fs, name);
  if (impl !== undefined) spy.mockImplementation(impl as never);
  syncBuiltinESMExports();
  return spy;
}

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

describe('readInputFile when the file changes under it', () => {
  it('names a kind none of the six tests knows as not a regular file', () => {
    const no = () => false;
    const other = { isFile: no, isDirectory: no, isFIFO: no, isSocket: no };
    stub('statSync', (() => ({ ...other, isCharacterDevice: no, isBlockDevice: no })) as never);
    expect(message(() => readInputFile('odd', limits))).toBe(
      `odd: got not a regular file; allowed: ${KIND_ALLOWED}`,
    );
  });

  it('refuses a path that stat saw as a file and fstat as a directory, closing it', () => {
    const real = fs.statSync(fileOf('plain.txt', 'x'));
    const open = stub('openSync');
    const close = stub('closeSync');
    stub('statSync', (() => real) as never);
    expect(message(() => readInputFile(dir, limits))).toBe(
      `${dir}: got a directory; allowed: ${KIND_ALLOWED}`,
    );
    expect(close.mock.calls.map(([fd]) => fd)).toEqual(
      open.mock.results.map((r): unknown => r.value),
    );
  });

  it('refuses a file that grew past the cap after fstat, by what it read', () => {
    // fstat says empty; the read stops one byte past the cap and refuses.
    const fstat = fs.fstatSync;
    stub('fstatSync', ((fd: number) => Object.assign(fstat(fd), { size: 0 })) as never);
    const block = 64 * 1024;
    const capped = { ...limits, maxBytes: block };
    expect(message(() => readInputFile(fileOf('grew.txt', 'a'.repeat(block + 1)), capped))).toBe(
      `${join(dir, 'grew.txt')}: got a file over 65536 bytes; allowed: a test file up to 65536 bytes`,
    );
    expect(readInputFile(fileOf('full.txt', 'a'.repeat(block)), capped)).toHaveLength(block);
  });
});

describe('readInputFile and its descriptors', () => {
  it('closes every descriptor it opens, whether it reads the file or refuses it', () => {
    const ok = fileOf('ok.txt', '1234');
    const over = fileOf('over.txt', '123456789');
    const open = stub('openSync');
    const close = stub('closeSync');
    expect(readInputFile(ok, limits)).toBe('1234');
    expect(message(() => readInputFile(over, limits))).toMatch(/got a file over 8 bytes/);
    expect(open).toHaveBeenCalledTimes(2);
    expect(close.mock.calls.map(([fd]) => fd)).toEqual(
      open.mock.results.map((r): unknown => r.value),
    );
  });
});
