/**
 * Where a command writes: standard output for results, standard error for problems and progress.
 * Tests pass their own buffers.
 */

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

/** The process's own streams. */
export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
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
