/**
 * Progress of a long command, on standard error only (standard output stays the result). On a
 * terminal, one line rewritten in place with `\r`, with a bar when the line counts toward a total
 * (cli/progressBar.ts); elsewhere (a log, CI, or with `--json`), a plain
 * `progress: <text>` line at most every 10 s, the first after 10 s, as TLC prints its `Progress(…)`
 * lines. `--quiet` silences both. The interval is the Io's (cli/io.ts: `LINGERING_PROGRESS_MS`, else
 * 10 s).
 */
import type { Io } from './io.js';
import { progressBar } from './progressBar.js';

/** Width of the terminal line, cleared at the end. */
const WIDTH = 79;

/** Where progress goes, and when. */
export interface ProgressOptions {
  /** `--quiet`: no progress at all. */
  readonly quiet?: boolean;
  /** `--json`: plain lines even on a terminal. */
  readonly json?: boolean;
  /** The clock, in milliseconds. @defaultValue Date.now */
  readonly now?: () => number;
  /** Milliseconds between plain lines. @defaultValue io.progressMs, else 10 000 */
  readonly intervalMs?: number;
}

/** Reports a command's progress. */
export interface ProgressReporter {
  /** The work so far, e.g. `matrix (production): 3/40 original × prefix`. */
  readonly report: (text: string) => void;
  /** The work is over: clears the terminal line. */
  readonly end: () => void;
}

/** A reporter that rewrites one terminal line. */
function terminalReporter(io: Io): ProgressReporter {
  let shown = false;
  return {
    report: (text) => {
      shown = true;
      io.err(`\r${`${progressBar(text)}${text}`.slice(0, WIDTH).padEnd(WIDTH)}`);
    },
    end: () => {
      if (shown) io.err(`\r${' '.repeat(WIDTH)}\r`);
      shown = false;
    },
  };
}

/** A reporter that writes a `progress:` line at most every `intervalMs`, the first after it. */
function plainReporter(io: Io, now: () => number, intervalMs: number): ProgressReporter {
  let next = now() + intervalMs;
  return {
    report: (text) => {
      const t = now();
      if (t < next) return;
      next = t + intervalMs;
      io.err(`progress: ${text.trim()}\n`);
    },
    end: () => undefined,
  };
}

/**
 * The progress reporter of a command writing to `io`.
 *
 * @example
 * progressReporter(io, { json: true }).report('explore: 10 states') // after 10 s: "progress: explore: 10 states\n"
 */
export function progressReporter(io: Io, options: ProgressOptions = {}): ProgressReporter {
  if (options.quiet === true) return { report: () => undefined, end: () => undefined };
  if (io.errIsTty && options.json !== true) return terminalReporter(io);
  return plainReporter(io, options.now ?? Date.now, options.intervalMs ?? io.progressMs ?? 10_000);
}
