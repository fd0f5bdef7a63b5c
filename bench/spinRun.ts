/**
 * Runs SPIN on the Promela reference model (bench/spin/run.sh) and reads its figures: states
 * stored, transitions, depth, errors, how `pan` ended (complete, stopped at an assertion failure,
 * out of memory at -DMEMLIM, or interrupted at the time limit), `pan`'s elapsed time, rate and
 * peak memory, and the wall time of the whole script (SPIN's translation, gcc and `pan`).
 *
 * Leaves out: SPIN's other options (run.sh fixes them: -DSAFETY, `pan -E`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How pan's search ended. */
export type SpinOutcome = 'complete' | 'stopped' | 'out of memory' | 'timeout';

/** What one SPIN run printed. */
export interface SpinFigures {
  readonly defines: string;
  readonly outcome: SpinOutcome;
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly errors: number;
  /** Where pan's depth-first search met the first assertion failure (null: none). */
  readonly violationDepth: number | null;
  /** pan's own time. */
  readonly panSeconds: number;
  /** pan's states per second (computed when pan does not print it). */
  readonly rate: number;
  /** pan's peak resident set in KB: GNU time's, else pan's own "total actual memory usage". */
  readonly peakKb: number | null;
  /** run.sh from start to end: spin -a, gcc and pan. */
  readonly wallSeconds: number;
}

/** The bounds of one pan run: -DMEMLIM in MB, and seconds before pan is interrupted. */
export interface SpinLimits {
  readonly memlimMb: number;
  readonly maxSeconds: number;
}

/** The bundled copy of the reference model's script. */
const RUN_SH = fileURLToPath(new URL('./spin/run.sh', import.meta.url));

/** True when `spin` and `gcc` are on the PATH. */
export const spinInstalled = (): boolean =>
  ['spin', 'gcc'].every(
    (c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0,
  );

const number = (text: string, pattern: RegExp): number | null => {
  const m = pattern.exec(text);
  return m === null ? null : Number(m[1]);
};

const outcomeOf = (text: string, errors: number): SpinOutcome =>
  /reached -DMEMLIM bound/.test(text)
    ? 'out of memory'
    : /pan: timeout/.test(text)
      ? 'timeout'
      : errors > 0
        ? 'stopped'
        : 'complete';

const peakOf = (text: string): number | null => {
  const kb = number(text, /pan-peak-kb=(\d+)/);
  const mb = number(text, /^\s*([\d.]+)\s+total actual memory usage/m);
  return kb ?? (mb === null ? null : Math.round(mb * 1024));
};

/**
 * Reads run.sh's output.
 *
 * @example
 * parseSpin('   352709 states, stored\n pan: elapsed time 0.2 seconds\n...', '-DN=3 -DP=3', 1.4).states //=> 352709
 */
export function parseSpin(text: string, defines: string, wallSeconds: number): SpinFigures | null {
  const errors = number(text, /errors: (\d+)/) ?? 0;
  const outcome = outcomeOf(text, errors);
  // Interrupted before its search began, pan may print no states at all.
  const states = number(text, /^\s*(\d+) states, stored/m) ?? (outcome === 'timeout' ? 0 : null);
  if (states === null) return null;
  const panSeconds = number(text, /elapsed time ([\d.e+]+) seconds/) ?? 0;
  return {
    defines,
    outcome,
    states,
    transitions: number(text, /^\s*([\d.e+]+) transitions/m) ?? 0,
    depth: number(text, /depth reached (\d+)/) ?? 0,
    errors,
    violationDepth: number(text, /assertion violated.*\(at depth (\d+)\)/),
    panSeconds,
    rate:
      number(text, /rate\s+([\d.e+]+) states\/second/) ??
      (panSeconds > 0 ? states / panSeconds : 0),
    peakKb: peakOf(text),
    wallSeconds,
  };
}

/**
 * Runs the model with `defines` (e.g. `-DN=3 -DP=3 -DPOSTFIX=1`) within `limits`, or returns null
 * when SPIN is missing or failed.
 */
function runSpin(defines: string, limits: SpinLimits, script = RUN_SH): SpinFigures | null {
  const started = performance.now();
  const r = spawnSync('sh', [script, defines, String(limits.memlimMb), String(limits.maxSeconds)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    // run.sh interrupts pan itself; this only stops a script that hangs elsewhere (spin, gcc).
    timeout: (limits.maxSeconds + 120) * 1000,
  });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) return null;
  return parseSpin(`${r.stdout}\n${r.stderr}`, defines, wall);
}

/** A SPIN cell of a table: pan's figures, why it did not run, or null (no SPIN here). */
export type SpinCell = SpinFigures | { readonly skipped: string } | null;

/**
 * Runs SPIN once per model, and not at all for a model whose smaller N already ran out of memory
 * or time (a larger N can only be worse).
 */
export function spinRunner(
  haveSpin: boolean,
  limits: SpinLimits,
): (flows: number, defines: string) => SpinCell {
  const memo = new Map<string, SpinFigures | null>();
  const ran = (flows: number, defines: string) => memo.get(`-DN=${flows} -DP=3 ${defines}`);
  return (flows, defines) => {
    if (!haveSpin) return null;
    for (let smaller = flows - 1; smaller >= 1; smaller--) {
      const o = ran(smaller, defines)?.outcome;
      if (o === 'out of memory' || o === 'timeout') return { skipped: `N=${smaller}: ${o}` };
    }
    const key = `-DN=${flows} -DP=3 ${defines}`;
    if (!memo.has(key)) memo.set(key, runSpin(key, limits));
    return memo.get(key) ?? null;
  };
}
