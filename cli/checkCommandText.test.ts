/**
 * `lingering check` for people: the PCT scheduler's figures under the verdict, and a breadth-first
 * minimum shorter than the shrunk trace, printed and saved in its place with `--save --replace`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lingering-check-text-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, lines: b.stdout().split('\n'), stderr: b.stderr() };
}

describe('lingering check, as text', () => {
  it("prints PCT's figures under the verdict with --scheduler pct", async () => {
    const r = await run(
      'check',
      '--driver',
      'original',
      '--agent',
      'prefix',
      '--runs',
      '20',
      '--scheduler',
      'pct',
    );
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.lines.slice(0, 4)).toEqual([
      'check original × prefix: isolated environment, seed 1, 20 runs, scheduler pct d=2',
      '✗ violated after 2 sequence(s); shrunk to 3 events; breadth-first minimum 3 events',
      'PCT d=2: first violation at run 2 (uniform: run 1); bound ≥ 1/(n·k^(d−1)) = 1/(4·27) ≈ 0.93%',
      '',
    ]);
  });

  it('prints and saves the breadth-first minimum when it is shorter, replacing a longer file', async () => {
    // Arrange: seed 5 shrinks to 15 events, and the breadth-first minimum has 7; the file there
    // holds 9 events.
    const file = join(dir, 'original--prefix--FailuresWithinCloses.json');
    writeFileSync(file, JSON.stringify({ events: Array.from({ length: 9 }, () => ({})) }));
    // Act
    const r = await run(
      'check',
      '--driver',
      'original',
      '--agent',
      'prefix',
      '--invariant',
      'FailuresWithinCloses',
      '--environment',
      'isolated',
      '--seed',
      '5',
      '--save',
      '--replace',
      '--out',
      dir,
    );
    // Assert
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.lines[1]).toBe(
      '✗ violated after 3 sequence(s); shrunk to 15 events; breadth-first minimum 7 events (printed and saved: the shorter)',
    );
    expect(r.lines.slice(-2)).toEqual([`replaced ${file} (9 events) with the shorter trace`, '']);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] }).events).toHaveLength(
      7,
    );
  });
});

describe('lingering check, the lines around the program', () => {
  const rate = ['check', '--driver', 'original', '--agent', 'prefix'];
  const rateArgs = [...rate, '--invariant', 'RateAtMost100', '--seed', '7'];
  const rateLine = '  (RateAtMost100: backend total failures ≤ total closes (rate ≤ 100%))';

  it('names the invariant in the title and ends on it without --save', async () => {
    const r = await run(...rateArgs);
    expect([r.status, r.stderr]).toEqual([1, '']);
    // No PCT figures and no saved line: the blank line, then the listing, then the invariant.
    expect(r.lines.slice(0, 4)).toEqual([
      'check original × prefix, RateAtMost100: production environment, seed 7, 200 runs',
      '✗ violated after 33 sequence(s); shrunk to 7 events; breadth-first minimum 7 events',
      '',
      '1. establish(1)     flow 1 open, refCount 5',
    ]);
    expect(r.lines.slice(-3)).toEqual([
      '  because at step 7 (poll.readClosed) connection 1, still in openFlows, was re-reported with TCPClosed 0 and shipped its failure again',
      rateLine,
      '',
    ]);
  });

  it('ends on the saved line with --save, and dates the file by day', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lingering-check-saved-'));
    const file = join(out, 'original--prefix--RateAtMost100.json');
    const r = await run(...rateArgs, '--save', '--out', out);
    expect(r.lines.slice(-3)).toEqual([rateLine, `saved ${file}`, '']);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { found: string };
    expect(saved.found).toBe(new Date().toISOString().slice(0, 10));
    rmSync(out, { recursive: true, force: true });
  });
});

describe('lingering check --json', () => {
  it('names the invariant asked for when the pair holds', async () => {
    const b = bufferIo();
    const args = ['check', '--driver', 'flow-lock', '--agent', 'close-record'];
    expect(
      await main([...args, '--invariant', 'RefCountNonNegative', '--runs', '10', '--json'], b.io),
    ).toBe(0);
    expect(JSON.parse(b.stdout())).toMatchObject({
      invariant: 'RefCountNonNegative',
      violated: null,
    });
  });

  it('keeps the shrunk trace when the breadth-first minimum is no shorter', async () => {
    // Isolated seed 2 shrinks to 7 events; the breadth-first search finds other 7 events.
    const b = bufferIo();
    const args = ['check', '--driver', 'original', '--agent', 'prefix'];
    expect(await main([...args, '--environment', 'isolated', '--seed', '2', '--json'], b.io)).toBe(
      1,
    );
    const report = JSON.parse(b.stdout()) as {
      shrunkLength: number;
      bfsMinimum: number;
      events: unknown[];
    };
    expect([report.shrunkLength, report.bfsMinimum]).toEqual([7, 7]);
    expect(report.events).toEqual([
      { type: 'establish', flow: 1 },
      { type: 'reset', flow: 1 },
      { type: 'poll', step: 'readOpen' },
      { type: 'traffic', flow: 1, bytes: 1 },
      { type: 'poll', step: 'readClosed' },
      { type: 'poll', step: 'readOpen' },
      { type: 'poll', step: 'readClosed' },
    ]);
  });
});
