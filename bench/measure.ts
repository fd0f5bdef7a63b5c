/**
 * Runs one command to its end under GNU time (`/usr/bin/time -f %M`: the peak resident set, in KB,
 * on the last line of standard error) and a wall-clock limit (coreutils `timeout`, which waits for
 * the command, so time's figure is the command's own). Without /usr/bin/time the peak is unknown
 * (null); without `timeout`, spawnSync's own timeout kills the command.
 *
 * Leaves out: CPU time and the other fields GNU time can print.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** GNU time, where Debian's `time` package puts it. */
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const haveTimeout = spawnSync('sh', ['-c', 'command -v timeout'], { stdio: 'ignore' }).status === 0;

/** What one measured run gave. */
export interface Measured {
  /** The command's exit status (null: killed by a signal). */
  readonly status: number | null;
  readonly stdout: string;
  /** The command's standard error, without GNU time's lines. */
  readonly stderr: string;
  /** Start to end, in seconds. */
  readonly seconds: number;
  /** Peak resident set in KB (null: no GNU time here). */
  readonly peakKb: number | null;
  /** The wall-clock limit ended it. */
  readonly timedOut: boolean;
}

/** True when peak memory can be measured here. */
export const peakMeasurable = (): boolean => haveTime;

/**
 * Splits GNU time's figure off the end of standard error (and its "Command exited with non-zero
 * status" or "Command terminated by signal" line before it).
 *
 * @example
 * splitTime('progress: x\nCommand exited with non-zero status 1\n5120\n') //=> { rest: 'progress: x', peakKb: 5120 }
 */
export function splitTime(stderr: string): {
  readonly rest: string;
  readonly peakKb: number | null;
} {
  const lines = stderr.trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (!/^\d+$/.test(last)) return { rest: stderr, peakKb: null };
  lines.pop();
  if (/^Command (exited with|terminated by)/.test(lines[lines.length - 1] ?? '')) lines.pop();
  return { rest: lines.join('\n'), peakKb: Number(last) };
}

/** Runs `command args` for at most `maxSeconds`, measuring its peak memory when it can. */
export function measure(command: string, args: readonly string[], maxSeconds: number): Measured {
  // `timeout -k 10`: SIGTERM at the limit, SIGKILL 10 s later; status 124 when the limit struck.
  const limited = haveTimeout
    ? ['timeout', '-k', '10', String(maxSeconds), command, ...args]
    : [command, ...args];
  const argv = haveTime ? [TIME, '-f', '%M', ...limited] : limited;
  const started = performance.now();
  const r = spawnSync(argv[0] as string, argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(haveTimeout ? {} : { timeout: maxSeconds * 1000, killSignal: 'SIGKILL' as const }),
  });
  const seconds = (performance.now() - started) / 1000;
  const { rest, peakKb } = haveTime ? splitTime(r.stderr) : { rest: r.stderr, peakKb: null };
  const timedOut = haveTimeout ? r.status === 124 : r.signal === 'SIGKILL';
  return { status: r.status, stdout: r.stdout, stderr: rest, seconds, peakKb, timedOut };
}
