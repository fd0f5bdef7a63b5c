import { chmodSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile } from './readInputFile.js';

const dir = mkdtempSync(join(tmpdir(), 'lingering-read-'));
const limits = { maxBytes: 8, what: 'a test file', accepted: 'a readable test file' };
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('readInputFile', () => {
  it('reads a regular file up to the cap', () => {
    const file = join(dir, 'ok.txt');
    writeFileSync(file, '12345678');
    expect(readInputFile(file, limits)).toBe('12345678');
  });

  it('refuses a file one byte over the cap, naming the cap', () => {
    const file = join(dir, 'over.txt');
    writeFileSync(file, '123456789');
    expect(message(() => readInputFile(file, limits))).toBe(
      `${file}: got a file over 8 bytes; allowed: a test file up to 8 bytes`,
    );
  });

  it('names a cap of whole MiB in MiB, from fstat alone (a sparse file is not read)', () => {
    const file = join(dir, 'sparse.txt');
    writeFileSync(file, '');
    truncateSync(file, 1024 * 1024 + 1);
    expect(message(() => readInputFile(file, { ...limits, maxBytes: 1024 * 1024 }))).toBe(
      `${file}: got a file over 1 MiB; allowed: a test file up to 1 MiB`,
    );
  });

  it('refuses a directory and a device without reading', () => {
    expect(message(() => readInputFile(dir, limits))).toBe(
      `${dir}: got a directory; allowed: a test file that is a regular file (not a FIFO, socket, device or directory)`,
    );
    expect(message(() => readInputFile('/dev/zero', limits))).toMatch(
      /^\/dev\/zero: got a device;/,
    );
  });

  it('maps a missing or unreadable file to one line', () => {
    const missing = join(dir, 'missing.txt');
    expect(message(() => readInputFile(missing, limits))).toBe(
      `${missing}: got no such file; allowed: a readable test file`,
    );
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    const m = message(() => readInputFile(locked, limits));
    // root reads it anyway
    expect([
      `${locked}: got an unreadable file (EACCES); allowed: a readable test file`,
      'no error',
    ]).toContain(m);
  });
});
