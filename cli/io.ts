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
}

/** The process's own streams. */
export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  errIsTty: Boolean(process.stderr.isTTY),
};

/** Buffers for tests: `io` writes into `stdout` and `stderr`. */
export function bufferIo(): { io: Io; stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return {
    io: { out: (t) => void (o += t), err: (t) => void (e += t), errIsTty: false },
    stdout: () => o,
    stderr: () => e,
  };
}
