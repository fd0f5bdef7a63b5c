import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { progressReporter } from './progress.js';
import { progressBar } from './progressBar.js';

/** A clock the test moves by hand. */
function fakeClock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Buffers, on a terminal or not. */
function buffers(errIsTty: boolean) {
  const b = bufferIo();
  const io: Io = { ...b.io, errIsTty };
  return { io, stderr: b.stderr, stdout: b.stdout };
}

describe('progressReporter off a terminal', () => {
  it('writes nothing before 10 s, then one progress: line per 10 s', () => {
    const b = buffers(false);
    const clock = fakeClock();
    const p = progressReporter(b.io, { now: clock.now, intervalMs: 10_000 });
    p.report('explore: 1 states');
    clock.advance(9_999);
    p.report('explore: 2 states');
    expect(b.stderr()).toBe('');
    clock.advance(1);
    p.report('explore: 3 states');
    clock.advance(5_000);
    p.report('explore: 4 states');
    clock.advance(5_000);
    p.report('explore: 5 states');
    p.end();
    expect(b.stderr()).toBe('progress: explore: 3 states\nprogress: explore: 5 states\n');
    expect(b.stdout()).toBe('');
  });

  it('writes plain lines with --json even on a terminal', () => {
    const b = buffers(true);
    const clock = fakeClock();
    const p = progressReporter(b.io, { json: true, now: clock.now, intervalMs: 10_000 });
    clock.advance(10_000);
    p.report('matrix (production): 3/40 original × prefix');
    expect(b.stderr()).toBe('progress: matrix (production): 3/40 original × prefix\n');
  });

  it("takes the io's interval when none is given, and trims the text", () => {
    const b = bufferIo(5);
    const clock = fakeClock();
    const p = progressReporter(b.io, { now: clock.now });
    clock.advance(4);
    p.report('  explore: 1 states  ');
    clock.advance(1);
    p.report('  explore: 2 states  ');
    expect(b.stderr()).toBe('progress: explore: 2 states\n');
  });
});

describe('progressReporter on a terminal', () => {
  it('rewrites one line with \\r at once and clears it at the end', () => {
    const b = buffers(true);
    const p = progressReporter(b.io, { now: fakeClock().now });
    p.report('exploring: 1,000 states');
    p.report('exploring: 2,000 states');
    p.end();
    const lines = b.stderr().split('\r');
    expect(lines[1]?.trimEnd()).toBe('exploring: 1,000 states');
    expect(lines[2]?.trimEnd()).toBe('exploring: 2,000 states');
    expect(b.stderr().endsWith(`\r${' '.repeat(79)}\r`)).toBe(true);
    expect(b.stderr()).not.toContain('\n');
  });

  it('clears nothing when nothing was shown', () => {
    const b = buffers(true);
    progressReporter(b.io).end();
    expect(b.stderr()).toBe('');
  });

  it('clears the line once when the work ends twice', () => {
    const b = buffers(true);
    const p = progressReporter(b.io, { now: fakeClock().now });
    p.report('explore: 1 states');
    p.end();
    p.end();
    expect(b.stderr()).toBe(`\r${'explore: 1 states'.padEnd(79)}\r${' '.repeat(79)}\r`);
  });
});

describe('--quiet', () => {
  it.each([true, false])('prints nothing (terminal: %s)', (errIsTty) => {
    const b = buffers(errIsTty);
    const clock = fakeClock();
    const p = progressReporter(b.io, { quiet: true, now: clock.now, intervalMs: 0 });
    clock.advance(60_000);
    p.report('explore: 1 states');
    p.end();
    expect(b.stderr()).toBe('');
  });
});

describe('progress of a command', () => {
  async function run(progressMs: number, ...argv: string[]) {
    const b = bufferIo(progressMs);
    const status = await main(argv, b.io);
    return { status, stdout: b.stdout(), stderr: b.stderr() };
  }

  it('model --json writes progress: lines on stderr, stdout unchanged; --quiet none', async () => {
    const plain = await run(Infinity, 'model', '--json');
    const loud = await run(0, 'model', '--json');
    const quiet = await run(0, 'model', '--json', '--quiet');
    expect(plain.stderr).toBe('');
    expect(loud.stderr).toMatch(/^progress: exploring: 1,000 states\n/);
    expect(loud.stdout).toBe(plain.stdout);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(plain.stdout);
    expect(JSON.parse(loud.stdout)).toMatchObject({ driver: 'original', agent: 'prefix' });
  });
});

describe('progressBar', () => {
  it('draws done/total as 20 cells and a percentage', () => {
    expect(progressBar('check: 300/3,000 sequences')).toBe('[██░░░░░░░░░░░░░░░░░░]  10% ');
    expect(progressBar('matrix (production): 25/25 flow-lock × close-record')).toBe(
      `[${'█'.repeat(20)}] 100% `,
    );
    expect(progressBar('matrix (production): 0/25 original × prefix')).toBe(
      `[${'░'.repeat(20)}]   0% `,
    );
  });

  it('draws none without a total, or with a count past it', () => {
    expect(progressBar('explore: 1,000 states, depth 3')).toBe('');
    expect(progressBar('x: 5/0')).toBe('');
    expect(progressBar('x: 6/5')).toBe('');
    expect(progressBar('x: 0/0')).toBe('');
  });

  it('reads a count at the start of the line or right after a bracket', () => {
    expect(progressBar('3/4 pairs')).toBe(`[${'█'.repeat(15)}${'░'.repeat(5)}]  75% `);
    expect(progressBar('pairs (1/2)')).toBe(`[${'█'.repeat(10)}${'░'.repeat(10)}]  50% `);
  });

  it('shows the bar in front of a counting line on a terminal, within the line width', () => {
    const b = buffers(true);
    const p = progressReporter(b.io, { now: fakeClock().now });
    p.report(`check: 1,500/3,000 sequences ${'x'.repeat(100)}`);
    const line = b.stderr().split('\r')[1] ?? '';
    expect(line.startsWith('[██████████░░░░░░░░░░]  50% check: 1,500/3,000')).toBe(true);
    expect(line).toHaveLength(79);
  });
});
