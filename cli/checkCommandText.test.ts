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
