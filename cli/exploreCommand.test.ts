/**
 * `lingering explore` (cli/exploreCommand.ts), in this process on the smallest search (one flow,
 * one poll, no callout, no traffic: tens of states): the refused combinations of options, what
 * `--stop`, `--max-states` and `--quiescence-every-state` do to the search, the `--max-memory`
 * line, and that no file is ever written over, not even one whose name was taken during the search.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from './args.js';
import { shardOf } from './exploreCommand.js';
import type { Io } from './io.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

/** What `explore --json` prints, as far as these tests read it. */
interface ExploreJson {
  readonly complete: boolean;
  readonly workers: number;
  readonly partialOrderReduction: { readonly enabled: boolean };
  readonly shard?: { readonly index: number; readonly count: number };
  readonly distinctStates: number;
  readonly quiescence: string;
  readonly violations: readonly { readonly invariant: string }[];
}

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(['explore', ...argv], b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

/** `explore --json`'s report. */
async function report(...argv: string[]): Promise<ExploreJson> {
  return JSON.parse((await run(...argv, '--json')).stdout) as ExploreJson;
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

describe('shardOf reads i/n with 1 ≤ i ≤ n ≤ 1024', () => {
  it.each([
    ['1/1', 1, 1],
    [' 1/2 ', 1, 2],
    ['10/20', 10, 20],
    ['12/13', 12, 13],
    ['1024/1024', 1024, 1024],
  ])('accepts %j', (raw, index, count) => {
    expect(shardOf(raw)).toEqual({ index, count });
  });

  it.each(['x', '', 'x1/2', '1/2x', '0/2', '1/0', '3/2', '1/1025', '1025/1025'])(
    'refuses %j with a usage error quoting it',
    (raw) => {
      expect(() => shardOf(raw)).toThrow(UsageError);
      expect(() => shardOf(raw)).toThrow(`--shard: got "${raw}"`);
    },
  );
});

/** Three flows, no poll: 220 states, the smallest search that several workers would take. */
const THREE = [...TINY.slice(0, 2), '--flows', '3', '--layers', '1', '--polls', '0'];

describe('explore --workers by default', () => {
  it('takes every core from three flows on', async () => {
    expect((await report(...THREE, '--no-restart', '--quiet')).workers).toBe(
      availableParallelism(),
    );
  });

  it.each([
    [['--stop']],
    [['--max-states', '5']],
    [['--ample']],
    [['--shard', '1/2']],
    // Flows sharing a tuple; --max-memory 64M stops the search at its first check.
    [['--environment', 'production', '--tuples', '1', '--max-memory', '64M']],
  ])('takes one thread with %j', async (more) => {
    expect((await report(...THREE, ...more)).workers).toBe(1);
  });

  it('takes one thread with --fingerprints', async () => {
    expect((await report(...THREE, '--fingerprints', join(fresh(), 'f.fp'))).workers).toBe(1);
  });

  // --fingerprints names a new file in a fresh folder.
  it.each<[string, string | undefined]>([
    ['--shard', '1/2'],
    ['--fingerprints', undefined],
  ])('refuses %s with --workers 2 before any search', async (option, value) => {
    const r = await run(...TINY, option, value ?? join(fresh(), 'f.fp'), '--workers', '2');
    expect([r.status, r.stderr]).toEqual([
      2,
      'lingering: --workers: several workers do not apply with --ample, --shard or --fingerprints; use --workers 1\n',
    ]);
  });
});

describe('explore passes its flags to the search', () => {
  it('reduces partial orders unless --no-por', async () => {
    const por = async (...more: string[]) =>
      (await report(...TINY, '--max-states', '1', ...more)).partialOrderReduction.enabled;
    expect([await por(), await por('--no-por')]).toEqual([true, false]);
  });

  it('searches the share --shard names', async () => {
    const r = await report(...TINY, '--shard', '1/2', '--quiet');
    expect(r.shard).toMatchObject({ index: 1, count: 2 });
  });

  it.each(['lots', '63M'])('refuses --max-memory %s before any search', async (size) => {
    const r = await run(...TINY, '--max-memory', size);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `lingering: --max-memory: got "${size}"; allowed: a size of at least 64M, such as 512M or 8G\n`,
    );
  });
});

describe('explore --out and --fingerprints', () => {
  it('stamps the saved counterexample with the date it was found, without the time', async () => {
    const file = join(fresh(), 'cx.json');
    await run(...TINY, '--out', file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { found: string };
    expect(saved.found).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('writes no --out when the search finds no violation', async () => {
    const file = join(fresh(), 'cx.json');
    const r = await run(...TINY, '--max-states', '1', '--out', file);
    expect([r.status, r.stderr, r.stdout.includes('wrote')]).toEqual([0, '', false]);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an existing --out even when the search would find nothing to write', async () => {
    const file = join(fresh(), 'cx.json');
    writeFileSync(file, 'mine');
    const r = await run(...TINY, '--max-states', '1', '--out', file);
    expect([r.status, r.stderr]).toEqual([
      2,
      `lingering: --out: ${file} exists; explore never overwrites a file\n`,
    ]);
  });

  it('refuses an existing --fingerprints before searching, so writes no --out either', async () => {
    const dir = fresh();
    const [out, fp] = [join(dir, 'cx.json'), join(dir, 'f.fp')];
    writeFileSync(fp, 'mine');
    const r = await run(...TINY, '--out', out, '--fingerprints', fp);
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: `lingering: --fingerprints: ${fp} exists; explore never overwrites a file\n`,
    });
    expect([existsSync(out), readFileSync(fp, 'utf8')]).toEqual([false, 'mine']);
  });
});

describe('explore progress', () => {
  // A clock a second further on at each reading: the first progress line comes one second in.
  afterEach(() => void vi.restoreAllMocks());
  const tick = () => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 1000));
  };

  /** Runs TINY with progress lines due at every report, on a terminal or not. */
  async function progress(errIsTty: boolean, ...more: string[]): Promise<string> {
    tick();
    let err = '';
    const io: Io = { out: () => undefined, err: (t) => void (err += t), errIsTty, progressMs: 0 };
    await main(['explore', ...TINY, ...more], io);
    return err;
  }

  it('reports states, queue, depth and states per second', async () => {
    expect(await progress(false)).toBe(
      'progress: explore: 3 states, 2 on queue, depth 0, 3 states/s\n',
    );
  });

  it('writes plain lines with --json even on a terminal', async () => {
    expect(await progress(true, '--json')).toBe(
      'progress: explore: 3 states, 2 on queue, depth 0, 3 states/s\n',
    );
  });

  it('says nothing with --quiet', async () => {
    expect(await progress(false, '--quiet')).toBe('');
  });
});
