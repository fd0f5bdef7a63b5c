/**
 * `main`, the command line's one error boundary: an unknown command is refused with the list of
 * commands, a failure is one line and an exit status, and `--debug` adds the stack trace of a
 * failure that is not the user's (exit 3 or 4) only; no command at all runs the matrix.
 */
import { describe, expect, it } from 'vitest';
import { WriteError } from '../lib/WriteError.js';
import type { Io } from './io.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

const INTERNAL =
  'lingering: internal error: disk on fire; run again with --debug for the stack trace\n';

/** An Error with a stack trace the test knows. */
function fire(stack: string | undefined): Error {
  const e = new Error('disk on fire');
  if (stack === undefined) delete e.stack;
  else e.stack = stack;
  return e;
}

/** Runs `argv` with a standard output that throws `e` on its first write. */
async function failingOut(e: unknown, ...argv: string[]) {
  const b = bufferIo();
  const io: Io = {
    ...b.io,
    out: () => {
      throw e;
    },
  };
  const status = await main(argv, io);
  return { status, stderr: b.stderr() };
}

describe('main', () => {
  it('refuses an unknown command, naming every command', async () => {
    const b = bufferIo();
    expect(await main(['nope'], b.io)).toBe(2);
    expect(b.stderr()).toBe(
      'lingering: command: got "nope"; allowed: matrix, replay, check, model, render, report, audit, export, explore, merge, variants, help, --version\n',
    );
  });

  it('tells an internal error in one line, with no stack trace unless --debug', async () => {
    const e = fire('Error: disk on fire\n    at write (out.ts:1:1)');
    expect(await failingOut(e, '--version')).toEqual({ status: 4, stderr: INTERNAL });
    expect(await failingOut(e, '--version', '--debug')).toEqual({
      status: 4,
      stderr: `${INTERNAL}Error: disk on fire\n    at write (out.ts:1:1)\n`,
    });
  });

  it('adds the stack of an environment failure under --debug', async () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const e = new WriteError('stdout', enospc);
    e.stack = 'WriteError: stdout: ENOSPC\n    at write (out.ts:1:1)';
    expect(await failingOut(e, '--debug', '--version')).toEqual({
      status: 3,
      stderr:
        'lingering: stdout: no space left on device (ENOSPC); free space or write elsewhere\n' +
        'WriteError: stdout: ENOSPC\n    at write (out.ts:1:1)\n',
    });
  });

  it('adds no stack to bad input, nor to an error that has none, even under --debug', async () => {
    const b = bufferIo();
    expect(await main(['nope', '--debug'], b.io)).toBe(2);
    expect(b.stderr()).not.toContain('\n    at ');
    expect(b.stderr().split('\n')).toHaveLength(2);
    expect(await failingOut(fire(undefined), '--debug', '--version')).toEqual({
      status: 4,
      stderr: INTERNAL,
    });
  });

  it('runs the matrix, with its defaults, when no command is given', async () => {
    // A terminal that takes the first progress line and then fails: the run stops there.
    const lines: string[] = [];
    const io: Io = {
      out: () => undefined,
      err: (t) => {
        lines.push(t);
        if (t.startsWith('\r')) throw new Error('terminal closed');
      },
      errIsTty: true,
    };
    expect(await main([], io)).toBe(4);
    expect(lines.map((l) => l.trimEnd())).toEqual([
      `\r[${'░'.repeat(20)}]   4% matrix (production): 1/25 original × prefix`,
      'lingering: internal error: terminal closed; run again with --debug for the stack trace',
    ]);
  });
});
