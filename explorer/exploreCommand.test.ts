/**
 * `lingering explore` and `lingering merge` from the command line: the acceptance runs, the saved
 * trace replaying to the same violation, split runs merging to the unsplit counts, `--workers` and
 * `--no-restart` in the report, and one-line errors with exit status 2.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { explore } from './bfs.js';

/** A violation as `explore --json` and `merge --json` print it. */
interface ViolationJson {
  readonly invariant: string;
  readonly depth: number;
  readonly events: readonly unknown[];
}

/** What `explore --json` and `merge --json` print, as far as these tests read it. */
interface ExploreJson {
  readonly [figure: string]: unknown;
  readonly violations: readonly ViolationJson[];
  readonly generated: number;
  readonly distinctStates: number;
  readonly depth: number;
  readonly tuples: number;
  readonly complete: boolean;
  readonly queueLeft: number;
  readonly allShards?: boolean;
  readonly repeated?: number;
  readonly storedStates?: number;
}

/** A saved trace's events, and `replay --json`'s verdicts. */
interface TraceJson {
  readonly events: readonly unknown[];
}
interface ReplayJson {
  readonly invariants: readonly { readonly name: string }[];
}

const parse = (text: string): ExploreJson => JSON.parse(text) as ExploreJson;

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

const dir = () => mkdtempSync(join(tmpdir(), 'lingering-explore-'));
const small = [
  '--environment',
  'isolated',
  '--driver',
  'original',
  '--agent',
  'prefix',
  '--flows',
  '2',
  '--layers',
  '1',
  '--polls',
  '2',
];

describe('lingering explore', () => {
  it('reports RateAtMost100 with a shortest trace that replays to the same violation', async () => {
    // Arrange
    const file = join(dir(), 'rate.json');
    // Act
    const r = await run(
      'explore',
      '--environment',
      'isolated',
      '--driver',
      'original',
      '--agent',
      'prefix',
      '--flows',
      '2',
      '--callouts',
      '1',
      '--polls',
      '3',
      '--json',
      '--invariant',
      'RateAtMost100',
      '--out',
      file,
    );
    const report = parse(r.stdout);
    const replay = await run('replay', file, '--json');
    // Assert
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const rate = report.violations.find((v) => v.invariant === 'RateAtMost100');
    expect(rate?.depth).toBe(7);
    expect(report).toMatchObject({ complete: true, queueLeft: 0, written: [file] });
    for (const k of ['generated', 'distinctStates', 'depth', 'statesPerSecond', 'wallMs'])
      expect(report[k]).toBeGreaterThan(0);
    expect(report.symmetryReduction).toEqual({ enabled: true, flowOrdersPerState: 2 });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TraceJson;
    expect(saved).toMatchObject({
      format: 'lingering-trace/v1',
      driver: 'original',
      agent: 'prefix',
      layers: 4,
      violated: 'RateAtMost100',
      expect: 'violates',
    });
    expect(saved.events).toEqual(rate?.events);
    const verdict = (JSON.parse(replay.stdout) as ReplayJson).invariants.find(
      (i) => i.name === 'RateAtMost100',
    );
    expect(verdict).toMatchObject({ verdict: 'violated', step: 7 });
  });

  it('prints the TLC-style summary and exits 0 when every invariant holds', async () => {
    const r = await run(
      'explore',
      '--environment',
      'isolated',
      '--driver',
      'deferred-move',
      '--agent',
      'close-record',
      '--flows',
      '2',
      '--layers',
      '1',
      '--callouts',
      '0',
      '--polls',
      '2',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Model checking completed\. No error has been found\./);
    expect(r.stdout).toMatch(
      /^[\d,]+ states generated, [\d,]+ distinct states found, 0 states left on queue\.$/m,
    );
    expect(r.stdout).toMatch(/^The depth of the complete state graph search is \d+\.$/m);
    expect(r.stderr).toBe('');
  });

  it('writes every violation as <driver>--<agent>--<Invariant>.json with --out-dir', async () => {
    const d = dir();
    const r = await run('explore', ...small, '--out-dir', d, '--json');
    const names = parse(r.stdout).violations.map((v) => `original--prefix--${v.invariant}.json`);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(existsSync(join(d, n))).toBe(true);
  });

  it('never overwrites an existing file', async () => {
    const file = join(dir(), 'taken.json');
    writeFileSync(file, 'mine');
    const r = await run('explore', ...small, '--out', file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it.each([
    [['--flows', '0'], /--flows: got 0; allowed: an integer from 1/],
    [['--shard', '3/2'], /--shard: got "3\/2"; allowed: i\/n with 1 ≤ i ≤ n/],
    [
      ['--driver', 'nope'],
      /--driver: got "nope"; allowed: original, cas-retry, deferred-move, deferred-move-racy, flow-lock/,
    ],
    [
      ['--agent', 'nope'],
      /--agent: got "nope"; allowed: prefix, postfix, encoder-gate, failures-delta/,
    ],
    [['--frob'], /explore option: got "--frob"/],
    [['--environment', 'mars'], /--environment: got "mars"; allowed: production, isolated/],
    [['--flows', '2', '--tuples', '3'], /--tuples: got 3; allowed: an integer from 1 to 2/],
    [['--flows', '2', '--tuples', '0'], /--tuples: got 0; allowed: an integer from 1 to 2/],
    [
      ['--environment', 'isolated', '--flows', '2', '--tuples', '1'],
      /--tuples: got 1; allowed: 2 with --environment isolated/,
    ],
    [['--ample'], /--ample: persistent sets need --environment isolated/],
    [['--workers', '0'], /--workers: got 0; allowed: an integer from 1 to 64/],
    [['--workers', 'abc'], /--workers: got "abc"; allowed: an integer from 1 to 64/],
    [['--workers', '65'], /--workers: got 65; allowed: an integer from 1 to 64/],
    [
      ['--workers', '2', '--flows', '2', '--tuples', '1'],
      /--workers: several workers need every flow on a tuple of its own/,
    ],
    [
      ['--workers', '2', '--ample', '--environment', 'isolated'],
      /--workers: several workers do not apply with --ample, --shard or --fingerprints/,
    ],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const r = await run('explore', ...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('lingering explore --workers and --no-restart', () => {
  it('searches once with --no-restart: no searches listed, the same violations', async () => {
    const restarted = parse((await run('explore', ...small, '--json')).stdout);
    const once = parse((await run('explore', ...small, '--no-restart', '--json')).stdout);
    const verdicts = (j: ExploreJson) => j.violations.map((v) => `${v.invariant} ${v.depth}`);
    expect(verdicts(once)).toEqual(verdicts(restarted));
    expect(verdicts(once).length).toBeGreaterThan(0);
    expect(once.searches).toEqual([]);
    expect((restarted.searches as unknown[]).length).toBeGreaterThan(1);
  });

  it('says how many workers searched, in JSON and in the summary', async () => {
    // Two flows search on one thread unless told otherwise; `small` without its `--polls 2`.
    const tiny = [...small.slice(0, -2), '--polls', '1', '--callouts', '0'];
    const one = parse((await run('explore', ...tiny, '--json')).stdout);
    const two = parse((await run('explore', ...tiny, '--workers', '2', '--json')).stdout);
    expect([one.workers, two.workers]).toEqual([1, 2]);
    expect([two.distinctStates, two.generated, two.depth]).toEqual([
      one.distinctStates,
      one.generated,
      one.depth,
    ]);
    const text = await run('explore', ...tiny, '--workers', '1');
    expect(text.stdout).toMatch(/^Finished in [\d.]+ s on 1 worker: /m);
  });

  it('stops incomplete with one line naming the bound to lower when memory passes --max-memory', async () => {
    // The test process alone holds more than 64 MiB, so the first check stops the search.
    const r = await run('explore', ...small, '--max-memory', '64M', '--json');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^lingering: --max-memory: the search outgrew 64 MiB at .*lower --flows \(2\)/,
    );
    const j = parse(r.stdout);
    expect([j.complete, j.outOfMemory]).toEqual([false, true]);
    expect(j.queueLeft).toBeGreaterThan(0);
    const roomy = parse((await run('explore', ...small, '--max-memory', '1T', '--json')).stdout);
    expect([roomy.complete, roomy.outOfMemory]).toEqual([true, false]);
  });

  it.each(['0', '63M', '12Q', 'lots'])('refuses --max-memory %s with one line', async (size) => {
    const r = await run('explore', ...small, '--max-memory', size);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lingering: --max-memory: got ".*"; allowed: a size of at least 64M/);
  });
});

describe('lingering explore in production', () => {
  const tiny = [
    '--driver',
    'deferred-move',
    '--agent',
    'postfix',
    '--flows',
    '2',
    '--callouts',
    '0',
  ];
  const bounds = ['--polls', '1', '--layers', '1', '--traffic', '0'];

  it('says the environment and the tuples, and saves a trace with its tuple and orders that replays', async () => {
    const file = join(dir(), 'shared.json');
    const r = await run(
      'explore',
      ...tiny,
      ...bounds,
      '--tuples',
      '1',
      '--json',
      '--invariant',
      'NoGenuineFailureSuppressed',
      '--out',
      file,
    );
    const report = parse(r.stdout);
    expect(report).toMatchObject({ environment: 'production', tuples: 1, bounds: { tuples: 1 } });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TraceJson;
    expect(saved.events).toContainEqual({ type: 'establish', flow: 2, tuple: 1 });
    expect(saved.events).toContainEqual({ type: 'poll', step: 'readOpen', order: [2, 1] });
    const replay = JSON.parse((await run('replay', file, '--json')).stdout) as ReplayJson;
    expect(replay.invariants.find((i) => i.name === 'NoGenuineFailureSuppressed')).toMatchObject({
      verdict: 'violated',
      step: 5,
    });
    const text = await run('explore', ...tiny, ...bounds, '--tuples', '1');
    expect(text.stdout).toMatch(/^environment: production/m);
    expect(text.stdout).toMatch(/N=2 flows \(dealt to 1 tuple in turn\)/);
  });

  it('gives the same counts with --tuples equal to the flows as without', async () => {
    const counts = async (...extra: string[]) => {
      const j = parse((await run('explore', ...tiny, ...bounds, ...extra, '--json')).stdout);
      return [j.generated, j.distinctStates, j.tuples];
    };
    expect(await counts('--tuples', '2')).toEqual(await counts());
  });
});

describe('lingering merge', () => {
  it('unions --shard 1/2 and --shard 2/2 into the unsplit counts and verdicts', async () => {
    // Arrange
    const d = dir();
    // A split search is one pass: the unsplit one to compare with does not restart either.
    const whole = parse((await run('explore', ...small, '--no-restart', '--json')).stdout);
    // Act
    for (const i of [1, 2])
      await run('explore', ...small, '--shard', `${i}/2`, '--fingerprints', join(d, `s${i}.fp`));
    const m = await run('merge', join(d, 's1.fp'), join(d, 's2.fp'), '--json');
    const merged = parse(m.stdout);
    // Assert
    expect(m.status).toBe(1);
    expect(merged.distinctStates).toBe(whole.distinctStates);
    expect(merged.depth).toBe(whole.depth);
    expect(merged.violations.map((v) => `${v.invariant} ${v.depth}`)).toEqual(
      whole.violations.map((v) => `${v.invariant} ${v.depth}`),
    );
    expect(merged.allShards).toBe(true);
    expect(merged.repeated).toBe((merged.storedStates ?? 0) - merged.distinctStates);
  });

  it('exits 2 with one line for a missing or foreign file', async () => {
    const d = dir();
    writeFileSync(join(d, 'x.fp'), '{"format":"other"}\n');
    for (const f of [join(d, 'missing.fp'), join(d, 'x.fp')]) {
      const r = await run('merge', f);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('progress', () => {
  it('reports states, queue and depth about once a second of the clock it is given', () => {
    let t = 0;
    const seen: number[] = [];
    explore(
      {
        driver: findDriver('original')!,
        agent: findAgent('postfix')!,
        bounds: { flows: 2, callouts: 1, polls: 2, layers: 1, traffic: 1 },
      },
      { now: () => (t += 400), onProgress: (p) => seen.push(p.distinct) },
    );
    expect(seen.length).toBeGreaterThan(0);
  });

  it('prints nothing on standard error when it is not a terminal', async () => {
    const r = await run('explore', ...small);
    expect(r.stderr).toBe('');
  });
});

describe('lingering explore --stop', () => {
  it('stops at the first violation, with a shortest trace, and leaves states on the queue', async () => {
    const r = await run('explore', ...small, '--stop', '--invariant', 'RateAtMost100', '--json');
    const report = parse(r.stdout);
    expect(r.status).toBe(1);
    expect(report.complete).toBe(false);
    expect(report.queueLeft).toBeGreaterThan(0);
    expect(report.violations.find((v) => v.invariant === 'RateAtMost100')?.depth).toBe(7);
  });
});
