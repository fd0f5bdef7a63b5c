/**
 * Where a command writes: standard output for results, standard error for problems and progress.
 * Tests pass their own buffers.
 */
import { WriteError } from '../lib/WriteError.js';
import { classifyError } from './classifyError.js';

/** A command's output channels. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Standard error is a terminal (progress lines are shown only then). */
  readonly errIsTty: boolean;
  /** Milliseconds between plain `progress:` lines off a terminal (cli/progress.ts); 10 s if absent. */
  readonly progressMs?: number;
}

/** `LINGERING_PROGRESS_MS` when it is a whole number of milliseconds, else 10 s. */
function progressMsOf(raw: string | undefined): number {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : 10_000;
}

/**
 * A failed write to standard output: the reader went away (EPIPE: `lingering variants | head -1`),
 * so stop quietly, as a process killed by SIGPIPE would; else (ENOSPC: `> /dev/full`) say so in
 * one line and exit with its status. Node reports both as an 'error' event after the write call,
 * which would otherwise crash with a stack trace.
 */
function onStdoutError(e: Error): void {
  if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
  const failure = classifyError(new WriteError('stdout', e));
  process.stderr.write(failure.line);
  process.exit(failure.status);
}

let guarded = false;

/** Installs the 'error' handlers once, when the process's own streams are first written. */
function guardStreams(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', onStdoutError);
  // A problem cannot be told on a closed standard error; the exit status still tells it.
  process.stderr.on('error', () => undefined);
}

/** The process's own streams. */
export const processIo: Io = {
  out: (t) => {
    guardStreams();
    process.stdout.write(t);
  },
  err: (t) => {
    guardStreams();
    process.stderr.write(t);
  },
  errIsTty: Boolean(process.stderr.isTTY),
  progressMs: progressMsOf(process.env['LINGERING_PROGRESS_MS']),
};

/**
 * Buffers for tests: `io` writes into `stdout` and `stderr`; no timed progress line unless
 * `progressMs` asks for one, so that what a test reads does not depend on the machine's speed.
 */
export function bufferIo(progressMs = Infinity): {
  io: Io;
  stdout: () => string;
  stderr: () => string;
} {
  let o = '';
  let e = '';
  return {
    io: { out: (t) => void (o += t), err: (t) => void (e += t), errIsTty: false, progressMs },
    stdout: () => o,
    stderr: () => e,
  };
}
