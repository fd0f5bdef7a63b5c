/**
 * `lingering explore` (cli/exploreCommand.ts), in this process on the smallest search (one flow,
 * one poll, no callout, no traffic: tens of states): the refused combinations of options, what
 * `--stop`, `--max-states` and `--quiescence-every-state` do to the search, the `--max-memory`
 * line, and that no file is ever written over, not even one whose name was taken during the search.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

/** What `explore --json` prints, as far as these tests read it. */
interface ExploreJson {
  readonly complete: boolean;
  readonly distinctStates: number;
  readonly quiescence: string;
  readonly violations: readonly { readonly invariant: string }[];
}

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(['explore', ...argv], b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

/** 52 states, one violation (FailureReportedOnce, 7 events deep), in some 50 ms. */
const TINY = [
  '--environment',
  'isolated',
  '--flows',
  '1',
  '--layers',
  '1',
  '--polls',
  '1',
  '--callouts',
  '0',
  '--traffic',
  '0',
];

const fresh = (): string => mkdtempSync(join(tmpdir(), 'lingering-explore-cli-'));

/** A symbolic link to a file that is not there: it takes its name, yet `existsSync` says no. */
function danglingLink(dir: string, name: string): string {
  const link = join(dir, name);
  symlinkSync(join(dir, 'missing', 'target'), link);
  return link;
}

describe('explore refuses options that do not go together, before any search', () => {
  it.each([
    [
      ['--shard', '1/2'],
      'lingering: --ample and --shard: use one or the other (persistent sets need an unsplit search)\n',
    ],
    [
      ['--quiescence-every-state'],
      'lingering: --ample and --quiescence-every-state: use one or the other (persistent sets keep final states, not every state)\n',
    ],
  ])('--ample with %j exits 2 with one line', async (more, line) => {
    const r = await run(...TINY, '--ample', ...more);
    expect(r).toEqual({ status: 2, stdout: '', stderr: line });
  });

  it('--out-dir that is not a directory exits 2 naming what is allowed', async () => {
    // Arrange: a file where the directory should be.
    const file = join(fresh(), 'plain');
    writeFileSync(file, 'x');
    // Act
    const r = await run(...TINY, '--out-dir', file);
    // Assert
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: `lingering: --out-dir: got "${file}"; allowed: an existing directory this user may write into\n`,
    });
  });
});

describe('explore bounds and judges the search as its flags say', () => {
  it('--stop ends the search at the first violation, incomplete', async () => {
    const r = await run(...TINY, '--stop', '--json');
    const report = JSON.parse(r.stdout) as ExploreJson;
    expect([r.status, report.complete]).toEqual([1, false]);
    expect(report.violations.map((v) => v.invariant)).toEqual(['FailureReportedOnce']);
  });

  it('--max-states 1 stores the initial state only and stops incomplete', async () => {
    const r = await run(...TINY, '--max-states', '1', '--json');
    const report = JSON.parse(r.stdout) as ExploreJson;
    expect([r.status, report.complete, report.distinctStates]).toEqual([0, false, 1]);
  });

  it('--quiescence-every-state is the mode the report names', async () => {
    const r = await run(...TINY, '--quiescence-every-state', '--max-states', '1', '--json');
    expect((JSON.parse(r.stdout) as ExploreJson).quiescence).toBe('everyState');
  });

  it('--max-memory below what the process holds stops at once, naming the bounds of one flow', async () => {
    // This process holds far more than 64 MiB: the first check, after the initial state, stops it.
    const r = await run(...TINY, '--max-memory', '64M');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'lingering: --max-memory: the search outgrew 64 MiB at 3 states, depth 0, and stopped incomplete; lower --layers (1) or --polls (1), or raise --max-memory\n',
    );
  });
});

describe('explore never writes over a file', () => {
  it('keeps a counterexample already in --out-dir and says so', async () => {
    // Arrange: a file by the name the violation's counterexample would take.
    const dir = fresh();
    const file = join(dir, 'original--prefix--FailureReportedOnce.json');
    writeFileSync(file, 'mine');
    // Act
    const r = await run(...TINY, '--out-dir', dir);
    // Assert
    expect([r.status, r.stderr]).toEqual([1, `explore: ${file} exists; kept it\n`]);
    expect(r.stdout).not.toContain('wrote');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('writes the violation to a new --out and says so', async () => {
    const file = join(fresh(), 'cx.json');
    const r = await run(...TINY, '--out', file);
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout.endsWith(`\nwrote ${file}\n`)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      violated: 'FailureReportedOnce',
    });
  });

  it('refuses an existing --out before searching', async () => {
    const file = join(fresh(), 'cx.json');
    writeFileSync(file, 'mine');
    const r = await run(...TINY, '--out', file);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: `lingering: --out: ${file} exists; explore never overwrites a file\n`,
    });
  });

  it.each(['--out', '--fingerprints'])(
    'refuses %s whose name is taken by a dangling link, and does not claim to have written it',
    async (option) => {
      // Arrange: the check before the search sees no file; the write after it finds the name taken.
      const link = danglingLink(fresh(), 'taken');
      // Act
      const r = await run(...TINY, option, link);
      // Assert
      expect(r).toEqual({
        status: 2,
        stdout: '',
        stderr: `lingering: ${option}: ${link} exists; explore never overwrites a file\n`,
      });
      expect(existsSync(link)).toBe(false);
    },
  );
});
