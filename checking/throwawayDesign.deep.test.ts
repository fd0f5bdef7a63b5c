/**
 * A driver design is one file per side and nothing else changes: a throwaway copy of the project
 * gains two designs, deferred-move's files under a new name, and flow-lock's with its lock renamed
 * (a memory field no other file names), and there the registry-driven checks pick them up: the
 * registry and model tests, EngineMatchesModel on every design, `variants --json`, `check` (which
 * finds what the original design's check finds), the model and the explorer (as many states) and
 * the ITF export (which carries the new field).
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The copies: a new name, and what else each one renames. */
const DESIGNS = [
  { from: 'deferred-move', to: 'throwaway-move', rename: [] },
  { from: 'flow-lock', to: 'throwaway-lock', rename: [[/\blocked\b/g, 'spinHeld']] },
] as const;

let dir = '';

/** The project's tracked files, copied; node_modules linked. */
function copyProject(): string {
  const to = mkdtempSync(join(tmpdir(), 'lingering-design-'));
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
  for (const f of files) {
    if (f === '' || !existsSync(join(ROOT, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(to, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'));
  return to;
}

/** Writes design `to` on both sides from `from`'s files. */
function addDesign(d: (typeof DESIGNS)[number]): void {
  for (const side of ['engine/driver/variants', 'model/variants']) {
    let text = readFileSync(join(ROOT, side, `${d.from}.ts`), 'utf8');
    text = text.replace(`name: '${d.from}'`, `name: '${d.to}'`);
    for (const [pattern, by] of d.rename) text = text.replace(pattern, by);
    writeFileSync(join(dir, side, `${d.to}.ts`), text);
  }
}

/** A child process in the copy, with vitest's own variables left out: status and output. */
function inCopy(file: string, args: readonly string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^VITEST/.test(k)));
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      file,
      args,
      { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ status: code, stdout, stderr });
      },
    );
  });
}

const lingering = (...args: string[]) => inCopy('node', ['bin/lingering.js', ...args]);

interface CheckJson {
  readonly driver: string;
  readonly [key: string]: unknown;
}

describe('a throwaway design, added as one file per side', () => {
  beforeAll(() => {
    dir = copyProject();
    for (const d of DESIGNS) addDesign(d);
  });

  afterAll(() => {
    if (dir === '') return;
    unlinkSync(join(dir, 'node_modules'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the registry, model and EngineMatchesModel tests, which check it too', async () => {
    const r = await inCopy('node', [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=verbose',
      'engine/driver/variants/',
      'model/independence.test.ts',
      'checking/engineMatchesModel.test.ts',
    ]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const d of DESIGNS) {
      expect(r.stdout).toContain(
        `${d.to} runs generated step-level sequences in step with the model`,
      );
    }
  });

  it('is listed by variants, with its steps', async () => {
    const r = await lingering('variants', '--json');
    const drivers = (JSON.parse(r.stdout) as { drivers: { name: string; operations: unknown }[] })
      .drivers;
    const steps = (name: string) => drivers.find((d) => d.name === name)?.operations;
    for (const d of DESIGNS) expect(steps(d.to)).toEqual(steps(d.from));
  });

  it.each(DESIGNS)('is checked: $to finds what $from finds', async (d) => {
    const check = (name: string) =>
      lingering('check', '--driver', name, '--agent', 'postfix', '--runs', '20', '--json');
    const [copy, original] = await Promise.all([check(d.to), check(d.from)]);
    expect(copy.status).toBe(original.status);
    const found = JSON.parse(copy.stdout) as CheckJson;
    expect(found.driver).toBe(d.to);
    expect({ ...found, driver: d.from }).toEqual(JSON.parse(original.stdout));
  });

  it.each(DESIGNS)('is explored: $to has as many states as $from', async (d) => {
    const counts = async (name: string) => {
      const [model, explore] = await Promise.all([
        lingering('model', '--driver', name, '--agent', 'postfix', '--json'),
        lingering(
          'explore',
          '--driver',
          name,
          '--agent',
          'postfix',
          '--flows',
          '1',
          '--polls',
          '1',
          '--json',
        ),
      ]);
      const m = JSON.parse(model.stdout) as { states: number; transitions: number };
      const e = JSON.parse(explore.stdout) as { distinctStates: number; generated: number };
      return [m.states, m.transitions, e.distinctStates, e.generated];
    };
    expect(await counts(d.to)).toEqual(await counts(d.from));
  });

  it('exports its own memory field to ITF', async () => {
    const r = await lingering(
      'export',
      'counterexamples/pr-50823-three-polls.json',
      '--format',
      'itf',
      '--driver',
      'throwaway-lock',
    );
    expect(r.status, r.stderr).toBe(0);
    const flows = (JSON.parse(r.stdout) as { states: { flows: { '#map': unknown[][] } }[] })
      .states[1]?.flows['#map'][0]?.[1];
    expect(flows).toMatchObject({ locked: false, spinHeld: false });
  });
});
