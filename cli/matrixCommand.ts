/**
 * `lingering matrix [--environment production|isolated] [--runs N] [--seed S] [--json]` (and
 * `lingering` with no command): every driver × agent pair against every invariant, in one
 * environment (docs/environment.md). Exit 0 whatever the verdicts: they are the output.
 * `--update-manifest` records the verdicts of both environments.
 */
import { eventToJson } from '../engine/events.js';
import type { Matrix } from '../checking/matrix.js';
import { runMatrix } from '../checking/matrix.js';
import { invariants } from '../invariants/index.js';
import { matrixExtras } from '../checking/matrixExtras.js';
import { existsSync } from 'node:fs';
import { atomicWrite } from '../lib/atomicWrite.js';
import { manifestChanges, manifestOf, MANIFEST_PATH, readManifest } from '../checking/manifest.js';
import type { Environment } from '../engine/environment.js';
import { ENVIRONMENTS } from '../engine/environment.js';
import { matrixJunit } from '../render/matrixJunit.js';
import { flag, InputError, int, oneOf, parse, str } from './args.js';
import { matrixSpec } from './specs/matrixSpec.js';
import type { Io } from './io.js';
import { progressReporter } from './progress.js';
import type { MatrixReport } from './reports/MatrixReport.js';
import { MATRIX_REPORT_FORMAT } from './reports/MatrixReport.js';

/** The matrix as `--json` data (docs/formats.md#matrix-json), `format` first. */
export function matrixJson(m: Matrix): MatrixReport {
  return {
    format: MATRIX_REPORT_FORMAT,
    environment: m.environment,
    seed: m.seed,
    runs: m.runs,
    layers: m.layers,
    cells: m.cells.map((c) => ({
      driver: c.driver,
      agent: c.agent,
      invariant: c.invariant,
      verdict: c.verdict,
      tried: c.tried,
      counterexampleLength: c.counterexampleLength,
      counterexample: c.counterexample?.map(eventToJson) ?? null,
    })),
    sometimes: m.sometimes,
    vacuous: m.sometimes
      .filter((s) => s.runs === 0)
      .map(({ driver, agent, scenario }) => ({ driver, agent, scenario })),
  };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));

/** The matrix for people: one row per pair, one numbered column per invariant, then a legend. */
export function formatMatrix(m: Matrix): string {
  const names = [...new Set(m.cells.map((c) => c.invariant))];
  const pairs = [...new Set(m.cells.map((c) => `${c.driver}\u0000${c.agent}`))];
  const dw = Math.max(6, ...m.cells.map((c) => c.driver.length));
  const aw = Math.max(5, ...m.cells.map((c) => c.agent.length));
  const lines = [
    `lingering matrix: ${m.environment} environment, seed ${m.seed}, ${m.runs} generated sequences per pair (1–4 flows, L=${m.layers}, step level)`,
    `✓ holds on every sequence; ✗n violated, with a shrunk counterexample of n events`,
    '',
    `${pad('driver', dw)}  ${pad('agent', aw)}  ${names.map((_, i) => pad(String(i + 1), 4)).join('')}`.trimEnd(),
  ];
  for (const pair of pairs) {
    const [driver, agent] = pair.split('\u0000') as [string, string];
    const row = names.map((n) => {
      const c = m.cells.find((x) => x.driver === driver && x.agent === agent && x.invariant === n);
      return pad(
        c === undefined ? '-' : c.verdict === 'holds' ? '✓' : `✗${c.counterexampleLength}`,
        4,
      );
    });
    lines.push(`${pad(driver, dw)}  ${pad(agent, aw)}  ${row.join('')}`.trimEnd());
  }
  lines.push('');
  const statements = new Map([...invariants, ...matrixExtras].map((i) => [i.name, i.statement]));
  names.forEach((n, i) => lines.push(`${pad(String(i + 1), 3)}${n}: ${statements.get(n) ?? ''}`));
  lines.push('');
  const vacuous = m.sometimes.filter((s) => s.runs === 0);
  if (vacuous.length === 0) {
    const least = Math.min(...m.sometimes.map((s) => s.runs));
    const names = [...new Set(m.sometimes.map((s) => s.scenario))];
    lines.push(
      `every pair reached every scenario (${names.join(', ')}) in at least ${least} of its ${m.runs} sequences`,
    );
  } else {
    lines.push('scenarios never reached (the holds of these pairs say little):');
    for (const v of vacuous) lines.push(`  ${v.driver} × ${v.agent}: ${v.scenario}`);
  }
  return `${lines.join('\n')}\n`;
}

const junitExists = (file: string): InputError =>
  new InputError(
    `--junit: ${file} exists; matrix never writes over a file (remove it or name another)`,
  );

/** Runs `matrix`. */
export function matrixCommand(argv: readonly string[], io: Io): number {
  const p = parse(matrixSpec, argv);
  const junit = str(p, 'junit');
  // Refused before the run, not after minutes of it: the matrix never writes over a file.
  if (junit !== undefined && existsSync(junit)) throw junitExists(junit);
  const runs = int(p, 'runs');
  const seed = int(p, 'seed');
  const environment = oneOf(p, 'environment') as Environment;
  const progress = progressReporter(io, { json: flag(p, 'json'), quiet: flag(p, 'quiet') });
  const run = (env: Environment) =>
    runMatrix({
      environment: env,
      seed,
      runs,
      extra: matrixExtras,
      onPair: (driver, agent, i, total) =>
        progress.report(`matrix (${env}): ${i}/${total} ${driver} × ${agent}`),
    });
  const m = run(environment);
  progress.end();
  io.out(flag(p, 'json') ? `${JSON.stringify(matrixJson(m), null, 2)}\n` : formatMatrix(m));
  if (junit !== undefined) {
    if (!atomicWrite(junit, matrixJunit(m), { noClobber: true })) throw junitExists(junit);
    if (!flag(p, 'json')) io.out(`wrote ${junit}\n`);
  }
  if (flag(p, 'update-manifest')) {
    const others = ENVIRONMENTS.filter((e) => e !== environment).map(run);
    progress.end();
    updateManifest([m, ...others], io);
  }
  return 0;
}

/** Rewrites the committed expectations (`path`) on purpose, saying which verdicts changed. */
export function updateManifest(matrices: readonly Matrix[], io: Io, path = MANIFEST_PATH): void {
  const next = manifestOf(matrices);
  const changes = existsSync(path) ? manifestChanges(readManifest(path), next) : ['(new manifest)'];
  atomicWrite(path, `${JSON.stringify(next, null, 2)}\n`);
  io.err(
    changes.length === 0
      ? 'manifest: no verdict changed\n'
      : `manifest: ${changes.length} change(s)\n${changes.map((c) => `  ${c}`).join('\n')}\n`,
  );
}
