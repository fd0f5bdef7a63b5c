/**
 * The PCT scheduler: runs are valid traces and replay from (seed, index, depth); the search finds
 * the lingering race and the deferred-move-racy race at depth 2 and shrinks what it finds; the
 * intents round trip; `check --scheduler pct` reports both schedulers' figures and PCT's bound.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { findAgent } from '../../engine/agent/variants/index.js';
import { driverVariants, findDriver } from '../../engine/driver/variants/index.js';
import type { EngineConfig } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { flowOf } from '../../engine/events.js';
import { formatEvent } from '../../engine/events.js';
import { runEvents } from '../../engine/run.js';
import { bufferIo } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { findInvariant } from '../../invariants/index.js';
import type { Invariant } from '../../invariants/Invariant.js';
import { materialize } from '../../generators/materialize.js';
import { MATRIX_BOUNDS } from '../matrix.js';
import { seq } from '../../engine/seq.js';
import { findCounterexamplePct } from './findCounterexamplePct.js';
import { pctBound } from './pctBound.js';
import type { PctFigures } from './pctFigures.js';
import { pctRun } from './pctRun.js';
import { median } from './pctReport.js';
import { prng, seedOf } from './prng.js';
import { intentsOf } from './shrinkPct.js';
import { operationGroups, shrinkEvents, violates } from './shrinkEvents.js';

const SEED = 20261208;

const config = (driver: string, agent: string): EngineConfig => ({
  driver: findDriver(driver)!,
  agent: findAgent(agent)!,
  layers: 4,
  clients: 1,
});

const text = (events: readonly Event[]) => events.map(formatEvent).join(' ');

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

describe(`PCT scheduler (seed ${SEED})`, () => {
  it('replays a run from its seed, index and depth, and varies with each', () => {
    const c = config('original', 'prefix');
    expect(text(pctRun(c, SEED, 3, 2).events)).toBe(text(pctRun(c, SEED, 3, 2).events));
    const distinct = new Set(
      Array.from({ length: 20 }, (_, i) => text(pctRun(c, SEED, i, 2).events)),
    );
    expect(distinct.size).toBeGreaterThan(15);
    expect(seedOf(1, 2)).not.toBe(seedOf(2, 1));
    expect(
      Array.from({ length: 1000 }, () => prng(SEED).int(7)).every((x) => x === prng(SEED).int(7)),
    ).toBe(true);
  });

  it('writes only valid step-level traces, for every driver', () => {
    for (const driver of driverVariants) {
      const c: EngineConfig = { driver, agent: findAgent('prefix')!, layers: 4, clients: 1 };
      for (let i = 0; i < 40; i++) {
        const r = pctRun(c, SEED, i, 1 + (i % 3));
        expect(runEvents(c, r.events).ok).toBe(true);
        expect(r.actors).toBe(3 * Math.max(...r.events.map((e) => flowOf(e) ?? 1)) + 1);
        expect(
          r.events.filter((e) => e.type === 'poll' && e.step === 'readClosed').length,
        ).toBeLessThanOrEqual(MATRIX_BOUNDS.polls);
      }
    }
  });

  it('finds a violation for original × prefix at depth 2 and shrinks it', () => {
    const c = config('original', 'prefix');
    const s = findCounterexamplePct({ config: c, seed: SEED, runs: 200, depth: 2 });
    expect(s.found).toBe(true);
    if (!s.found) return;
    expect(s.path).toBe(`pct:d2:${s.tried - 1}`);
    expect(violates(c, s.invariant, s.events)).toBe(true);
    expect(s.events.length).toBeLessThanOrEqual(pctRun(c, SEED, s.tried - 1, 2).events.length);
  });

  it('finds the lingering race of original × postfix (NoLingeringAtQuiescence) and shrinks it to the race', () => {
    const c = config('original', 'postfix');
    const inv = findInvariant('NoLingeringAtQuiescence') as Invariant;
    const s = findCounterexamplePct({ config: c, seed: SEED, runs: 300, depth: 2, invariant: inv });
    expect(s.found).toBe(true);
    if (!s.found) return;
    // The callout entered before the end and still held when the last notify's CAS ran.
    expect(text(s.events)).toBe(
      'establish(1) calloutEnter(1) reset(1) ' +
        'flowDeleteNotify(1).cas flowDeleteNotify(1).decrement '.repeat(3) +
        'flowDeleteNotify(1).cas',
    );
  });

  it('finds the deferred-move-racy race at depth 2', () => {
    const c = config('deferred-move-racy', 'postfix');
    const inv = findInvariant('NoLingeringAtQuiescence') as Invariant;
    const s = findCounterexamplePct({ config: c, seed: SEED, runs: 300, depth: 2, invariant: inv });
    expect(s.found && text(s.events)).toMatch(/calloutExit\(1\)\.readPending/);
  });

  it('shrinks to a trace from which no single event can be removed', () => {
    const c = config('original', 'prefix');
    const inv = findInvariant('RateAtMost100') as Invariant;
    const long = seq('e1 t1:100 e2 ce1 r1 t2 fd1*4 p t1 p cx1 t1 p t2 p');
    expect(violates(c, inv, long)).toBe(true);
    const short = shrinkEvents(c, inv, long);
    expect(violates(c, inv, short)).toBe(true);
    for (let i = 0; i < short.length; i++)
      expect(
        violates(
          c,
          inv,
          short.filter((_, j) => j !== i),
        ),
      ).toBe(false);
    expect(text(short)).toBe('establish(1) reset(1) poll traffic(1, 10) poll');
  });

  it('groups a callout with its release and a stepped operation with its steps', () => {
    const firstSteps = new Set(['flowDeleteNotify.cas', 'calloutExit.decrement', 'poll.readOpen']);
    const events = seq('e1 ce1 fd1.cas p.readOpen fd1.decrement cx1.decrement p.readClosed');
    expect(operationGroups(events, firstSteps)).toEqual([[0], [1, 5], [2, 4], [3, 6]]);
  });

  it.prop([fc.nat({ max: 10_000 }), fc.constantFrom(...driverVariants)], {
    seed: SEED,
    numRuns: 60,
  })('writes a PCT run back as the intents the uniform generator draws', (index, driver) => {
    const c: EngineConfig = { driver, agent: findAgent('prefix')!, layers: 4, clients: 1 };
    const r = pctRun(c, SEED, index, 2);
    const flows = Math.max(1, ...r.events.map((e) => flowOf(e) ?? 0));
    const bounds = {
      ...c,
      flows,
      callouts: MATRIX_BOUNDS.callouts,
      polls: MATRIX_BOUNDS.polls,
    };
    const list = intentsOf(bounds, r.events);
    expect(list).not.toBeNull();
    expect(text(materialize(bounds, list ?? []).events)).toBe(text(r.events));
  });

  it('computes the PCT bound 1/(n·k^(d−1)) and the lower median', () => {
    expect(pctBound(4, 26, 2)).toEqual({ n: 4, k: 26, d: 2, probability: 1 / 104, runs: 104 });
    expect(pctBound(7, 10, 3).runs).toBe(700);
    expect(median([3, 1, null, 2])).toBe(2);
    expect(median([null, null, 1])).toBeNull();
  });
});

describe('lingering check --scheduler pct', () => {
  it('finds the violation and reports runs to first violation beside the uniform figure', async () => {
    const r = await run(
      'check',
      '--driver',
      'original',
      '--agent',
      'prefix',
      '--scheduler',
      'pct',
      '--depth',
      '2',
      '--json',
    );
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as PctFigures & { tried: number; path: string };
    expect(out.scheduler).toBe('pct');
    expect(out.depth).toBe(2);
    expect(out.runsToFirstViolation.pct).toBe(out.tried);
    expect(out.runsToFirstViolation.uniform).toBeGreaterThanOrEqual(1);
    const { n, k, d, probability } = out.pctBound;
    expect(probability).toBeCloseTo(1 / (n * k ** (d - 1)));
    expect(out.path).toMatch(/^pct:d2:\d+$/);
  });

  it('keeps the uniform search as the default, without PCT figures', async () => {
    const out = JSON.parse(
      (await run('check', '--driver', 'original', '--agent', 'prefix', '--runs', '20', '--json'))
        .stdout,
    ) as Partial<PctFigures> & { path: string };
    expect(out.scheduler).toBeUndefined();
    expect(out.path).not.toMatch(/^pct/);
  });

  it.each([
    [['--scheduler', 'bogus'], /--scheduler: got "bogus"; allowed: uniform, pct/],
    [['--scheduler', 'pct', '--depth', '0'], /--depth: got 0; allowed: an integer from 1 to 10/],
    [['--depth', 'x'], /--depth: got "x"/],
  ])('exits 2 with one line for %j', async (extra, message) => {
    const r = await run('check', '--driver', 'original', '--agent', 'prefix', ...extra);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
