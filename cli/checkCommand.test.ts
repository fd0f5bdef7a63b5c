import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

/** What `check --json` prints, as far as these tests read it. */
interface CheckJson {
  readonly environment: string;
  readonly violated: string | null;
  readonly events?: readonly { readonly type: string }[];
}

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

const CHECK = [
  'check',
  '--driver',
  'original',
  '--agent',
  'prefix',
  '--invariant',
  'RateAtMost100',
  '--seed',
  '7',
];

describe('lingering check', () => {
  it('exits 1, prints the numbered program and the reason', async () => {
    const r = await run(...CHECK);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ ?1\. /m);
    expect(r.stdout).toMatch(/✗ RateAtMost100 — backend: 2 failures over 1 closes: rate 200%/);
    expect(r.stdout).toMatch(/because at step \d+ \(poll\.readClosed\) connection 1/);
  });

  it('exits 0 when the pair holds', async () => {
    const r = await run(
      'check',
      '--driver',
      'deferred-move',
      '--agent',
      'close-record',
      '--runs',
      '30',
    );
    expect([r.status, r.stdout]).toEqual([
      0,
      expect.stringContaining('✓ no violation in 30 sequences'),
    ]);
    expect(r.stdout).toMatch(
      /^check deferred-move × close-record: production environment, seed 1, 30 runs$/m,
    );
  });

  it("searches the production environment's events by default, and the isolated one when asked", async () => {
    // The drain's race: the shipped fix holds in isolation and ships a close twice in production.
    const args = [
      'check',
      '--driver',
      'deferred-move',
      '--agent',
      'postfix',
      '--invariant',
      'CloseReportedOnce',
      '--json',
    ];
    const production = JSON.parse((await run(...args)).stdout) as CheckJson;
    expect(production.environment).toBe('production');
    expect(production.events?.some((e) => e.type === 'drain')).toBe(true);
    const isolated = await run(...args, '--environment', 'isolated');
    expect([isolated.status, (JSON.parse(isolated.stdout) as CheckJson).violated]).toEqual([
      0,
      null,
    ]);
  });

  it('writes the file once, and a second --save leaves it unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lingering-check-'));
    await run(...CHECK, '--save', '--out', dir);
    const file = join(dir, 'original--prefix--RateAtMost100.json');
    const first = readFileSync(file, 'utf8');
    const again = await run(...CHECK, '--seed', '8', '--save', '--out', dir);
    expect(again.stdout).toMatch(/kept .*original--prefix--RateAtMost100\.json/);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(JSON.parse(first)).toMatchObject({
      violated: 'RateAtMost100',
      expect: 'violates',
      seed: 7,
    });
  });

  it('leaves no partial file when interrupted with Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lingering-sigint-'));
    // Three runs at once, interrupted at different moments (before, during, after the search).
    await Promise.all(
      [150, 400, 700].map(async (delay) => {
        const child = spawn('node', [
          'bin/lingering.js',
          ...CHECK,
          '--runs',
          '2000',
          '--save',
          '--out',
          dir,
        ]);
        const closed = new Promise((r) => child.on('close', r));
        await new Promise((r) => setTimeout(r, delay));
        child.kill('SIGINT');
        await closed;
      }),
    );
    const left = readdirSync(dir);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of left)
      expect((): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'))).not.toThrow();
  });

  it('saves once of two concurrent --save runs on one target; the other reports the file it found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lingering-race-'));
    const once = (seed: string) =>
      new Promise<string>((resolve) => {
        const child = spawn('node', [
          'bin/lingering.js',
          ...CHECK,
          '--seed',
          seed,
          '--save',
          '--out',
          dir,
        ]);
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', () => resolve(out));
      });
    const outs = await Promise.all([once('7'), once('8')]);
    const saved = outs.filter((o) => /^saved /m.test(o));
    const kept = outs.filter((o) => /^kept .*the file exists/m.test(o));
    expect([saved.length, kept.length]).toEqual([1, 1]);
    expect(readdirSync(dir)).toEqual(['original--prefix--RateAtMost100.json']);
    const file = join(dir, 'original--prefix--RateAtMost100.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ violated: 'RateAtMost100' });
  });

  it.each([
    ['a missing directory', (d: string) => join(d, 'missing')],
    ['a file', (d: string) => join(d, 'file')],
  ])('refuses --save --out naming %s with one line, creating nothing', async (_what, out) => {
    const dir = mkdtempSync(join(tmpdir(), 'lingering-out-'));
    writeFileSync(join(dir, 'file'), '');
    const r = await run(...CHECK, '--save', '--out', out(dir));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `lingering: --out: got "${out(dir)}"; allowed: an existing directory this user may write into\n`,
    );
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

describe('lingering check progress', () => {
  const holding = ['check', '--driver', 'flow-lock', '--agent', 'close-record'];
  const args = [...holding, '--invariant', 'RefCountNonNegative', '--runs', '300'];

  it('writes progress: lines with the sequences run so far off a terminal', async () => {
    const b = bufferIo(0);
    expect(await main(args, b.io)).toBe(0);
    const lines = b.stderr().trimEnd().split('\n');
    expect(lines).toEqual([
      'progress: check: 100/300 sequences',
      'progress: check: 200/300 sequences',
      'progress: check: 300/300 sequences',
    ]);
  });

  it('writes none with --quiet', async () => {
    const b = bufferIo(0);
    expect(await main([...args, '--quiet'], b.io)).toBe(0);
    expect(b.stderr()).toBe('');
  });
});
