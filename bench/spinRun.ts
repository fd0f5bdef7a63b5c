/**
 * Runs SPIN on the Promela reference model (bench/spin/run.sh) and reads its figures: states
 * stored, transitions, depth, errors, `pan`'s elapsed time and rate, and the wall time of the
 * whole script (SPIN's translation, gcc and `pan`).
 *
 * Leaves out: SPIN's own options (run.sh fixes them: -DSAFETY, `pan -E`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What one SPIN run printed. */
export interface SpinFigures {
  readonly defines: string;
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
  /** run.sh from start to end: spin -a, gcc and pan. */
  readonly wallSeconds: number;
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

/**
 * Reads run.sh's output.
 *
 * @example
 * parseSpin('   352709 states, stored\n pan: elapsed time 0.2 seconds\n...', '-DN=3 -DP=3', 1.4).states //=> 352709
 */
function parseSpin(text: string, defines: string, wallSeconds: number): SpinFigures | null {
  const states = number(text, /^\s*(\d+) states, stored/m);
  if (states === null) return null;
  const panSeconds = number(text, /elapsed time ([\d.e+]+) seconds/) ?? 0;
  return {
    defines,
    states,
    transitions: number(text, /^\s*([\d.e+]+) transitions/m) ?? 0,
    depth: number(text, /depth reached (\d+)/) ?? 0,
    errors: number(text, /errors: (\d+)/) ?? 0,
    violationDepth: number(text, /assertion violated.*\(at depth (\d+)\)/),
    panSeconds,
    rate:
      number(text, /rate\s+([\d.e+]+) states\/second/) ??
      (panSeconds > 0 ? states / panSeconds : 0),
    wallSeconds,
  };
}

/**
 * Runs the model with `defines` (e.g. `-DN=3 -DP=3 -DPOSTFIX=1`), or returns null when SPIN is
 * missing or failed.
 */
export function runSpin(defines: string, script = RUN_SH): SpinFigures | null {
  const started = performance.now();
  const r = spawnSync('sh', [script, defines], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) return null;
  return parseSpin(`${r.stdout}\n${r.stderr}`, defines, wall);
}
