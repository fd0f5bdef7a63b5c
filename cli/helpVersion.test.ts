/**
 * `--help` on every command prints its usage line and one line per option, made from the command's
 * table (cli/specs/), and names every option the command's parser accepts (read from the parser's
 * own refusal of an unknown option), so help and parser cannot drift apart; `--version` prints
 * package.json's version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { COMMAND_SPECS } from './specs/index.js';
import { helpText } from './usage.js';

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

const COMMANDS = [
  'matrix',
  'replay',
  'check',
  'model',
  'render',
  'report',
  'audit',
  'export',
  'explore',
  'merge',
  'variants',
];

describe('lingering COMMAND --help', () => {
  it.each(COMMANDS)(
    '%s --help prints its usage line, naming every option it accepts',
    async (c) => {
      const spec = COMMAND_SPECS.find((s) => s.name === c)!;
      for (const flag of ['--help', '-h']) {
        const r = await run(c, flag);
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(helpText(spec));
        expect(r.stdout).toMatch(new RegExp(`^usage: lingering ${c}\\b.*\\n`));
      }
      const usage = (await run(c, '--help')).stdout;
      const refusal = (await run(c, '--no-such-option')).stderr;
      const accepted = /allowed: (.*)$/m.exec(refusal)?.[1]?.split(', ') ?? [];
      expect(accepted).toEqual(Object.keys(spec.options).map((o) => `--${o}`));
      for (const option of accepted) expect(usage).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
    },
  );

  it('lists every command in the top-level help', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });
});

describe('lingering --version', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it('prints the version, as text or JSON', async () => {
    expect(await run('--version')).toEqual({
      status: 0,
      stdout: `lingering ${version}\n`,
      stderr: '',
    });
    expect(JSON.parse((await run('--version', '--json')).stdout)).toEqual({
      format: 'lingering-version/v1',
      name: 'lingering',
      version,
    });
  });
});

describe('lingering COMMAND --json', () => {
  const trace = 'counterexamples/pr-50823-three-polls.json';
  const cases: readonly (readonly string[])[] = [
    ['replay', trace],
    ['render', trace],
    ['export', trace],
    ['audit', 'history/fixtures/clean.json'],
    ['variants'],
    ['model', '--flows', '1', '--layers', '1', '--polls', '1'],
    ['explore', '--environment', 'isolated', '--flows', '1', '--layers', '1', '--polls', '1'],
    ['check', '--driver', 'flow-lock', '--agent', 'close-record', '--runs', '3'],
  ];

  it.each(cases.map((c) => [c.join(' '), c] as const))(
    '%s --json prints one JSON document',
    async (_, argv) => {
      const r = await run(...argv, '--json');
      expect(r.status).toBeLessThanOrEqual(1);
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
      expect(r.stdout.trim().startsWith('{')).toBe(true);
    },
  );
});
