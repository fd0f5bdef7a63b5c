import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TraceError } from './errors/TraceError.js';
import { openInputFile, readInputFile, withInputErrors } from './readInputFile.js';

const dir = mkdtempSync(join(tmpdir(), 'lingering-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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

const KIND_ALLOWED = 'a test file that is a regular file (not a FIFO, socket, device or directory)';

describe('readInputFile on files that are not regular', () => {
  it('refuses a FIFO by its stat, without opening it (that would wait for a writer)', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(message(() => readInputFile(fifo, limits))).toBe(
      `${fifo}: got a FIFO; allowed: ${KIND_ALLOWED}`,
    );
  });

  it('refuses a Unix socket', async () => {
    const socket = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((listening) => server.listen(socket, listening));
    try {
      expect(message(() => readInputFile(socket, limits))).toBe(
        `${socket}: got a socket; allowed: ${KIND_ALLOWED}`,
      );
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});

describe('readInputFile, reading', () => {
  it('reads a file of several 64 KiB blocks to its end', () => {
    const file = join(dir, 'blocks.txt');
    const text = 'abcdefghij'.repeat(15_000);
    writeFileSync(file, text);
    expect(readInputFile(file, { ...limits, maxBytes: 1024 * 1024 })).toBe(text);
  });

  it('reads one byte under a cap of one, and an empty file under a cap of nothing', () => {
    const one = join(dir, 'one.txt');
    writeFileSync(one, 'x');
    expect(readInputFile(one, { ...limits, maxBytes: 1 })).toBe('x');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(readInputFile(empty, { ...limits, maxBytes: 0 })).toBe('');
  });

  it('reads through one block whatever the cap, even one past the largest Buffer', () => {
    const file = join(dir, 'small.txt');
    writeFileSync(file, 'small');
    expect(readInputFile(file, { ...limits, maxBytes: 2 ** 33 })).toBe('small');
  });
});

describe('openInputFile', () => {
  it("opens a regular file and gives its descriptor and size, the caller's to close", () => {
    const file = join(dir, 'open.txt');
    writeFileSync(file, '1234');
    const { fd, size } = openInputFile(file, limits);
    closeSync(fd);
    expect(size).toBe(4);
  });

  it('refuses a directory as readInputFile does', () => {
    expect(message(() => openInputFile(dir, limits))).toBe(
      `${dir}: got a directory; allowed: ${KIND_ALLOWED}`,
    );
  });
});

describe('withInputErrors', () => {
  const failing = (e: unknown) => () =>
    withInputErrors('f.json', limits, () => {
      throw e;
    });

  it.each([
    ['ENOENT as no such file', { code: 'ENOENT' }, 'no such file'],
    ['any other code by its name', { code: 'EACCES' }, 'an unreadable file (EACCES)'],
    ['an error without a code as unreadable', {}, 'an unreadable file (unreadable)'],
  ])('names %s', (_what, fields, got) => {
    expect(message(failing(Object.assign(new Error('x'), fields)))).toBe(
      `f.json: got ${got}; allowed: a readable test file`,
    );
  });

  it('passes a TraceError through unchanged and returns what the read returns', () => {
    const refusal = new TraceError('f.json', 'a directory', 'a file');
    expect(failing(refusal)).toThrow(refusal);
    expect(withInputErrors('f.json', limits, () => 7)).toBe(7);
  });
});
