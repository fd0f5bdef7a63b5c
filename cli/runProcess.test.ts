/**
 * `runProcess`, the command line run as this process: its exit status becomes the process's, it
 * watches the parent it was given, and an error thrown outside `main`'s await (an uncaught
 * exception, a rejection nobody awaited) gets main's one line and ends the process with its
 * status. Run on a copy of cli/main.ts whose process streams are buffers and whose parent watcher
 * is a spy; `process.exit` is replaced by a throw, and the handlers it installs are removed after.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from './io.js';

/** What `process.exit` would have ended the process with. */
class Exit extends Error {
  constructor(readonly status: number | string | null | undefined) {
    super(`exit ${String(status)}`);
  }
}

type Crash = (e: unknown) => void;
const EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/** The process's handlers of both events, to tell the ones runProcess adds. */
const handlers = (): Crash[][] => [
  process.listeners('uncaughtException') as Crash[],
  process.listeners('unhandledRejection') as Crash[],
];

const exitCodeBefore = process.exitCode;
let removeAdded = (): void => undefined;

afterEach(() => {
  removeAdded();
  removeAdded = () => undefined;
  process.exitCode = exitCodeBefore;
  vi.restoreAllMocks();
});

/** Runs `args` as runProcess would with parent 4242; the handlers it added, per event. */
async function runProcess(...args: string[]) {
  const b = bufferIo();
  const watchParent = vi.fn();
  vi.doMock('../lib/cleanupOnExit.js', () => ({ watchParent }));
  vi.doMock('./io.js', () => ({ processIo: b.io }));
  const url = `./main.js?copy=${randomUUID()}`;
  const copy = (await import(url)) as typeof import('./main.js');
  vi.doUnmock('../lib/cleanupOnExit.js');
  vi.doUnmock('./io.js');
  const before = handlers();
  const added = () => handlers().map((now, i) => now.filter((h) => !before[i]?.includes(h)));
  removeAdded = () =>
    EVENTS.forEach((event, i) => {
      for (const h of added()[i] ?? []) process.removeListener(event, h);
    });
  await copy.runProcess(args, 4242);
  return { watchParent, stdout: b.stdout, stderr: b.stderr, added: added() };
}

describe('runProcess', () => {
  it("runs main, makes its status the process's and watches the given parent", async () => {
    const r = await runProcess('nope');
    expect(process.exitCode).toBe(2);
    expect(r.stderr()).toMatch(/^lingering: command: got "nope"; allowed: /);
    expect(r.watchParent.mock.calls).toEqual([[4242]]);
  });

  it.each(EVENTS.map((event, i) => [event, i] as const))(
    'ends the process on an %s with one line and its status',
    async (_, i) => {
      const r = await runProcess('--version');
      vi.spyOn(process, 'exit').mockImplementation((status) => {
        throw new Exit(status);
      });
      expect(r.added.map((h) => h.length)).toEqual([1, 1]);
      expect(() => r.added[i]?.[0]?.(new Error('lost callback'))).toThrow(new Exit(4));
      expect(r.stderr()).toBe(
        'lingering: internal error: lost callback; run again with --debug for the stack trace\n',
      );
    },
  );
});
