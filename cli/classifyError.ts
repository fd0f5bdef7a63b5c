/**
 * What the command line says about a failure, and its exit status: bad input and an output
 * location that cannot be used are the user's to fix (2), a full disk or too few file handles the
 * environment's (3), anything else a bug (4). Always one line, `lingering: <where>: <what>; <what
 * to do>`, never a stack trace (`--debug` adds it: cli/main.ts).
 */
import { StepError } from '../engine/errors/StepError.js';
import { TraceError } from '../engine/errors/TraceError.js';
import { WriteError } from '../lib/WriteError.js';
import { InputError } from './args.js';

/** Exit statuses (README "Commands"). */
export const EXIT = { ok: 0, violation: 1, badInput: 2, environment: 3, internal: 4 } as const;

/** A failure as the command line reports it. */
export interface Failure {
  readonly status: number;
  /** One line, ending in a newline. */
  readonly line: string;
}

const CHOOSE = 'choose a directory this user may write into';
const ELSEWHERE = 'free space or write elsewhere';

/** errno name → exit status, what is wrong, what to do (Linux errno(3) wording). */
const ERRNO: Record<string, readonly [number, string, string]> = {
  EACCES: [2, 'permission denied', CHOOSE],
  EPERM: [2, 'operation not permitted', CHOOSE],
  EROFS: [2, 'read-only file system', CHOOSE],
  ENOENT: [2, 'no such file or directory', 'create the directory first or choose an existing one'],
  ENOTDIR: [2, 'a part of the path is not a directory', CHOOSE],
  EISDIR: [2, 'is a directory', 'name a file, not a directory'],
  ENAMETOOLONG: [2, 'file name too long', 'choose a shorter path'],
  ELOOP: [2, 'too many levels of symbolic links', 'choose a path without a symbolic-link loop'],
  ENOSPC: [3, 'no space left on device', ELSEWHERE],
  EDQUOT: [3, 'disk quota exceeded', ELSEWHERE],
  EIO: [3, 'input/output error', 'check the device or write elsewhere'],
  EMFILE: [3, 'too many open files', 'raise the limit (ulimit -n) and run again'],
  ENFILE: [3, 'too many open files in the system', 'close other programs and run again'],
  ENOMEM: [3, 'out of memory', 'free memory or use smaller bounds'],
  EFBIG: [3, 'file too large', 'raise the file-size limit (ulimit -f) or write elsewhere'],
};

/** The first line of an error's message. */
const firstLine = (e: Error): string => e.message.split('\n')[0] ?? e.message;

/** Where an errno error happened: the target of a write, else the path the system names. */
function whereOf(e: NodeJS.ErrnoException): string | undefined {
  if (e instanceof WriteError) return e.target;
  return typeof e.path === 'string' ? e.path : undefined;
}

/** A system error with a known errno name, or null. */
function errnoFailure(e: NodeJS.ErrnoException): Failure | null {
  const code = typeof e.code === 'string' ? e.code : undefined;
  const known = code === undefined ? undefined : ERRNO[code];
  const where = whereOf(e);
  if (known === undefined || where === undefined) return null;
  const [status, what, todo] = known;
  return { status, line: `lingering: ${where}: ${what} (${code}); ${todo}\n` };
}

/**
 * The line and exit status for `e`, thrown by a command or left unhandled.
 *
 * @example
 * classifyError(new WriteError('out/x.json', enospc))
 * //=> { status: 3, line: 'lingering: out/x.json: no space left on device (ENOSPC); free space or write elsewhere\n' }
 */
export function classifyError(e: unknown): Failure {
  if (e instanceof TraceError || e instanceof StepError || e instanceof InputError)
    return { status: EXIT.badInput, line: `lingering: ${firstLine(e)}\n` };
  if (e instanceof Error) {
    const known = errnoFailure(e);
    if (known !== null) return known;
  }
  const message = e instanceof Error ? firstLine(e) : String(e).split('\n')[0];
  return {
    status: EXIT.internal,
    line: `lingering: internal error: ${message}; run again with --debug for the stack trace\n`,
  };
}
