/**
 * The process's own streams (cli/io.ts): `LINGERING_PROGRESS_MS` sets the progress interval, and
 * the first write installs, once, the 'error' handlers that turn a reader gone away (EPIPE) into a
 * quiet exit 0 and a full disk into one line and exit 3. Each test loads its own copy of the
 * module, so that its once-only handlers and its interval are read afresh; the real standard output
 * and error are never written, and `process.exit` is replaced by a throw.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from './io.js';

/** A fresh copy of cli/io.ts, loaded with `LINGERING_PROGRESS_MS` set to `raw` (or unset). */
async function freshProcessIo(raw?: string): Promise<Io> {
  const before = process.env['LINGERING_PROGRESS_MS'];
  if (raw === undefined) delete process.env['LINGERING_PROGRESS_MS'];
  else process.env['LINGERING_PROGRESS_MS'] = raw;
  try {
    // A new URL each time, in every run of a watching or mutation-testing vitest too.
    const url = `./io.js?copy=${randomUUID()}`;
    return ((await import(url)) as { processIo: Io }).processIo;
  } finally {
    if (before === undefined) delete process.env['LINGERING_PROGRESS_MS'];
    else process.env['LINGERING_PROGRESS_MS'] = before;
  }
}

/** What `process.exit` would have ended the process with. */
class Exit extends Error {
  constructor(readonly status: number | string | null | undefined) {
    super(`exit ${String(status)}`);
  }
}

type OnError = (e: Error) => void;

/** The 'error' listeners of both streams, to tell the ones a write adds. */
const listeners = () => ({
  out: process.stdout.listeners('error') as OnError[],
  err: process.stderr.listeners('error') as OnError[],
});

/** Removes the 'error' handlers the test's copy of the module added. */
let removeAdded = (): void => undefined;

afterEach(() => {
  removeAdded();
  removeAdded = () => undefined;
  vi.restoreAllMocks();
});

/** The test's copy of processIo, quiet streams, a throwing exit, and the listeners it adds. */
async function quietProcessIo() {
  const io = await freshProcessIo();
  const out = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
  const err = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
  vi.spyOn(process, 'exit').mockImplementation((status) => {
    throw new Exit(status);
  });
  const before = listeners();
  const added = () => {
    const now = listeners();
    return {
      out: now.out.filter((l) => !before.out.includes(l)),
      err: now.err.filter((l) => !before.err.includes(l)),
    };
  };
  // The copy's handlers go with the copy.
  removeAdded = () => {
    for (const l of added().out) process.stdout.removeListener('error', l);
    for (const l of added().err) process.stderr.removeListener('error', l);
  };
  return { io, out, err, added };
}

const errno = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: write failed`), { code });

describe('LINGERING_PROGRESS_MS', () => {
  it.each([
    ['25', 25],
    ['0', 0],
    [undefined, 10_000],
    ['', 10_000],
    ['a5', 10_000],
    ['5a', 10_000],
    ['-5', 10_000],
  ])('%j gives a progress interval of %i ms', async (raw, ms) => {
    expect((await freshProcessIo(raw)).progressMs).toBe(ms);
  });
});

describe('processIo', () => {
  it('writes to the process streams, installing one handler on each the first time', async () => {
    const p = await quietProcessIo();
    p.io.out('result\n');
    p.io.err('problem\n');
    p.io.out('more\n');
    expect(p.out.mock.calls).toEqual([['result\n'], ['more\n']]);
    expect(p.err.mock.calls).toEqual([['problem\n']]);
    expect(p.added().out).toHaveLength(1);
    expect(p.added().err).toHaveLength(1);
    // A standard error that fails is let be: the exit status still tells the problem.
    expect(() => p.added().err[0]?.(errno('EPIPE'))).not.toThrow();
  });

  it('installs them on a first write to standard error too', async () => {
    const p = await quietProcessIo();
    p.io.err('problem\n');
    p.io.err('again\n');
    expect(p.added().out).toHaveLength(1);
    expect(p.added().err).toHaveLength(1);
  });

  it('exits 0 quietly when the reader of standard output goes away (EPIPE)', async () => {
    const p = await quietProcessIo();
    p.io.out('x\n');
    const onError = p.added().out[0] as OnError;
    expect(() => onError(errno('EPIPE'))).toThrow(new Exit(0));
    expect(p.err).not.toHaveBeenCalled();
  });

  it('says in one line that standard output is full and exits 3 (ENOSPC)', async () => {
    const p = await quietProcessIo();
    p.io.out('x\n');
    const onError = p.added().out[0] as OnError;
    expect(() => onError(errno('ENOSPC'))).toThrow(new Exit(3));
    expect(p.err.mock.calls).toEqual([
      ['lingering: stdout: no space left on device (ENOSPC); free space or write elsewhere\n'],
    ]);
  });
});
