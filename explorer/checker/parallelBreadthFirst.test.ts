/**
 * The parallel checker against the sequential one on the toy grid (fixtures/gridModel.ts, loaded
 * by URL in every worker): the same counts, depths and violations for one, two and three
 * workers, valid shortest paths, the annotations' meet across workers, pools reused, and models
 * that fail or drift turned into one-line errors.
 *
 * Leaves out: the explorer's own model (explorer tests); hooks, which a parallel search has not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breadthFirst } from './breadthFirst.js';
import { isRaise, statesOf, sumOf } from './fixtures/gridFigures.js';
import type { GridArgs } from './fixtures/gridModel.js';
import { createSearchModel, LAST_TOP, MIXED, NEVER, SUM, WRONG } from './fixtures/gridModel.js';
import { AT_LEVEL, createSearchModel as levels } from './fixtures/levelsModel.js';
import { WorkerPool } from './parallelBreadthFirst.js';
import type { Found, SearchLimits, SearchOutcome } from './SearchModel.js';

const url = new URL('./fixtures/gridModel.ts', import.meta.url).href;
const levelsUrl = new URL('./fixtures/levelsModel.ts', import.meta.url).href;

const sequential = (g: GridArgs, limits: SearchLimits = {}): SearchOutcome => {
  const found = new Map<number, Found>();
  return breadthFirst(createSearchModel(g, found), limits, {}, found);
};

/** Each property's depth, by bit. */
const depths = (out: SearchOutcome): [number, number][] =>
  [...out.found].map(([bit, f]): [number, number] => [bit, f.depth]).sort((a, b) => a[0] - b[0]);

/** The figures a parallel search must share with the sequential one. */
const figures = (out: SearchOutcome) => ({
  distinct: out.distinct,
  generated: out.generated,
  depth: out.depth,
  finalStates: out.finalStates,
  complete: out.complete,
  queueLeft: out.queueLeft,
  found: depths(out),
  expanded: out.counters?.expanded,
});

const GRIDS: readonly GridArgs[] = [
  { counters: 3, top: 4, sum: 7 },
  { counters: 3, top: 4, sum: 7, ownerWords: 2 },
  { counters: 4, top: 3, down: true, across: true },
  { counters: 4, top: 3, across: true, ownerWords: 1 },
  { counters: 2, top: 1 },
];

/** Only SUM, so that it alone can stop a search. */
const SUM_ONLY = (1 << SUM) | (1 << NEVER) | (1 << WRONG);

describe.each([1, 2, 3])('WorkerPool(%i)', (n) => {
  let pool: WorkerPool;
  beforeAll(() => {
    pool = new WorkerPool(n);
  });
  afterAll(() => pool.close());

  it.each(GRIDS)('searches %o as breadthFirst does', (g) => {
    const out = pool.search({ url, args: g });

    const one = sequential(g);
    expect(figures(out)).toEqual(figures(one));
    expect(out.distinct).toBe(statesOf(g));
    expect(out.about).toEqual({ counters: g.counters, top: g.top });
    // A worker answers OLD for the states it owns, PENDING for the others' (one owns them all).
    const old = out.counters?.old as number;
    if (n === 1) expect(old).toBe(one.counters?.old);
    else expect(old).toBeLessThanOrEqual(one.counters?.old as number);
  });

  it('meets the annotations of arrivals from every worker', () => {
    // Shifts and lowerings send states of the same and earlier levels across workers too.
    const g = { counters: 4, top: 3, down: true, across: true };

    const out = pool.search({ url, args: g });

    expect(out.found.has(WRONG)).toBe(false);
    expect(out.found.get(MIXED)?.depth).toBe(3);
  });

  it('gives valid shortest paths to state and step violations', () => {
    const g = { counters: 3, top: 4, sum: 6 };

    const out = pool.search({ url, args: g });

    for (const bit of [SUM, LAST_TOP]) {
      const f = out.found.get(bit) as Found;
      const path = out.path(f);
      const keys = [new Uint32Array(g.counters), ...path];
      expect(path).toHaveLength(f.depth);
      expect(keys.slice(1).every((k, i) => isRaise(keys[i] as Uint32Array, k))).toBe(true);
      if (f.key !== null) expect([...(path.at(-1) as Uint32Array)]).toEqual([...f.key]);
    }
    expect(out.found.get(SUM)?.depth).toBe(g.sum);
    expect(sumOf(out.path(out.found.get(SUM) as Found).at(-1) as Uint32Array)).toBe(g.sum);
  });

  it('gives an empty path when the initial state violates', () => {
    const out = pool.search({ url, args: { counters: 3, top: 2, sum: 0 } });

    const f = out.found.get(SUM) as Found;
    expect(f.depth).toBe(0);
    expect(out.path(f)).toEqual([]);
  });

  it('stops after the violating level as breadthFirst does', () => {
    const g = { counters: 3, top: 4, only: SUM_ONLY };
    for (const sum of [0, 3, 6, 7, 11]) {
      for (const stopAfterLevel of [true, 'whileGrowing'] as const) {
        const limits = { stopAfterLevel };

        const out = pool.search({ url, args: { ...g, sum } }, limits);

        expect(figures(out)).toEqual(figures(sequential({ ...g, sum }, limits)));
      }
    }
  });

  it('stops between levels on stopAtFirst, stopWhen and maxStates', () => {
    const g = { counters: 3, top: 4, sum: 7 };
    const whole = statesOf(g);

    const first = pool.search({ url, args: g }, { stopAtFirst: true });
    const when = pool.search({ url, args: g }, { stopWhen: SUM });
    const never = pool.search({ url, args: g }, { stopWhen: NEVER });
    const max = pool.search({ url, args: g }, { maxStates: 20 });

    // MIXED, at depth 3, is the first.
    expect(depths(first)).toEqual([[MIXED, 3]]);
    expect(first.complete).toBe(false);
    expect(depths(when)).toEqual(depths(sequential(g)));
    expect(when.complete).toBe(false);
    expect(when.distinct).toBeLessThan(whole);
    expect(never.complete).toBe(true);
    expect(max.complete).toBe(false);
    expect(max.distinct).toBeGreaterThanOrEqual(20);
    expect(max.distinct).toBeLessThan(whole);
  });

  it('stops with "whileGrowing" over levels that narrow and widen again as breadthFirst does', () => {
    const widths = [1, 4, 2, 3, 5, 1];
    for (let violateAt = 1; violateAt < widths.length; violateAt++) {
      const args = { widths, violateAt };
      const limits = { stopAfterLevel: 'whileGrowing' } as const;

      const out = pool.search({ url: levelsUrl, args }, limits);

      expect(figures(out)).toEqual(figures(breadthFirst(levels(args), limits)));
      expect(out.found.get(AT_LEVEL)?.depth).toBe(violateAt);
    }
  });

  it('stops, incomplete and out of memory, once memory passes maxBytes', () => {
    const big = { counters: 4, top: 9 };
    const short = pool.search({ url, args: big }, { maxBytes: 1 });

    expect(short.outOfMemory).toBe(true);
    expect(short.complete).toBe(false);
    expect(short.queueLeft).toBeGreaterThan(0);
    expect(short.distinct).toBeLessThan(statesOf(big));
    const ample = pool.search({ url, args: big }, { maxBytes: 2 ** 50 });
    expect(ample.outOfMemory).toBe(false);
    expect(ample.distinct).toBe(statesOf(big));
  });

  it('runs searches one after another on the same workers', () => {
    const a = { counters: 3, top: 3 };
    const b = { counters: 2, top: 5, sum: 4 };

    const first = figures(pool.search({ url, args: a }));
    const other = figures(pool.search({ url, args: b }));
    const again = figures(pool.search({ url, args: a }));

    expect(first).toEqual(figures(sequential(a)));
    expect(other).toEqual(figures(sequential(b)));
    expect(again).toEqual(first);
  });
});

/** The error `search` throws on `pool` with `args`, or null. */
const failure = (pool: WorkerPool, args: GridArgs): unknown => {
  try {
    pool.search({ url, args });
    return null;
  } catch (e) {
    return e;
  }
};

const FAILURES = [
  ['fails to build', { counters: 3, top: 2, fail: 'create' }, /asked to fail when built/],
  ['throws while expanding', { counters: 3, top: 2, fail: 'expand' }, /asked to fail at depth 1/],
  ['drifts', { counters: 3, top: 2, drift: 2 }, /met 2 states its build had not numbered/],
] as const;

describe('WorkerPool with a broken model', () => {
  // One worker: its one error is read, so the pool can go on to the next case.
  let pool: WorkerPool;
  beforeAll(() => {
    pool = new WorkerPool(1);
  });
  afterAll(() => pool.close());

  it.each(FAILURES)('throws a one-line Error when the model %s', (_what, args, message) => {
    const e = failure(pool, args);

    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(message);
    expect((e as Error).message).not.toContain('\n');
  });

  it('throws rather than waits when every one of several workers fails', () => {
    // A pool of its own: the errors of the workers after the first are left unread.
    const several = new WorkerPool(3);
    try {
      const e = failure(several, { counters: 3, top: 2, fail: 'create' });

      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toMatch(/asked to fail when built/);
    } finally {
      several.close();
    }
  });
});
