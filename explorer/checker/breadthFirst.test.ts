/**
 * The sequential checker on a toy grid (fixtures/gridModel.ts) whose figures follow from
 * formulas (fixtures/gridFigures.ts): counts, shortest violations and their paths, the stop
 * conditions, what `Successors.add` answers, the annotations and the hooks.
 *
 * Leaves out: the explorer's own model (explorer tests), several workers
 * (parallelBreadthFirst.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { breadthFirst } from './breadthFirst.js';
import {
  generatedOf,
  isRaise,
  levelWidths,
  raisesFrom,
  statesOf,
  sumOf,
} from './fixtures/gridFigures.js';
import type { GridArgs } from './fixtures/gridModel.js';
import { AT_LEVEL, createSearchModel as levels } from './fixtures/levelsModel.js';
import {
  createSearchModel,
  LAST_TOP,
  meetOf,
  MIXED,
  NEVER,
  SUM,
  WRONG,
} from './fixtures/gridModel.js';
import type { Found, SearchLimits, SearchModel, Successors } from './SearchModel.js';
import { NEW, OLD, PENDING } from './SearchModel.js';

const grid = (g: GridArgs, found = new Map<number, Found>()): SearchModel =>
  createSearchModel(g, found);

const search = (g: GridArgs, limits: SearchLimits = {}) => {
  const found = new Map<number, Found>();
  return breadthFirst(grid(g, found), limits, {}, found);
};

/** Only SUM (and the checks that never fail), so that it alone can stop a search. */
const SUM_ONLY = (1 << SUM) | (1 << NEVER) | (1 << WRONG);

const sumUpTo = (a: readonly number[], n: number): number =>
  a.slice(0, n).reduce((s, x) => s + x, 0);

/**
 * Where MIXED is first seen: a step from the state with two counters at 1 (depth 2), or that
 * state itself when it is final.
 */
const mixedDepth = (g: GridArgs): number | undefined => {
  if (g.counters < 2) return undefined;
  return g.counters === 2 && g.top === 1 ? 2 : 3;
};

const GRIDS: readonly GridArgs[] = [
  { counters: 3, top: 4 },
  { counters: 4, top: 2 },
  { counters: 2, top: 1 },
  { counters: 1, top: 5 },
  { counters: 3, top: 3, down: true, across: true },
  { counters: 4, top: 2, across: true },
];

describe('breadthFirst on a grid of counters', () => {
  it.each(GRIDS)('counts the states and edges of %o as the formulas do', (g) => {
    const out = search(g);

    expect(out.distinct).toBe(statesOf(g));
    expect(out.generated).toBe(generatedOf(g));
    expect(out.depth).toBe(g.counters * g.top);
    expect(out.finalStates).toBe(1);
    expect(out.complete).toBe(true);
    expect(out.queueLeft).toBe(0);
    expect(out.about).toEqual({ counters: g.counters, top: g.top });
    // Lowering and shifting lead to states of earlier levels or the level being expanded.
    const old = generatedOf(g) - generatedOf({ counters: g.counters, top: g.top });
    expect(out.counters).toEqual({ expanded: statesOf(g), old });
  });

  it.each(GRIDS)('finds each property of %o at its shortest depth', (g) => {
    const out = search(g);

    expect(out.found.get(LAST_TOP)?.depth).toBe(g.top);
    expect(out.found.get(MIXED)?.depth).toBe(mixedDepth(g));
    expect(out.found.has(SUM)).toBe(false);
    expect(out.found.has(NEVER)).toBe(false);
    expect(out.found.has(WRONG)).toBe(false);
  });

  it('finds "the sum reaches S" at depth S, on a shortest path of raises', () => {
    const g = { counters: 3, top: 3 };
    for (let s = 0; s <= g.counters * g.top; s++) {
      const out = search({ ...g, sum: s });
      const f = out.found.get(SUM) as Found;
      const path = out.path(f);

      expect(f.depth).toBe(s);
      expect(f.key).toBeNull();
      expect(path).toHaveLength(s);
      const keys = [new Uint32Array(g.counters), ...path];
      expect(keys.slice(1).every((k, i) => isRaise(keys[i] as Uint32Array, k))).toBe(true);
      expect(sumOf(keys.at(-1) as Uint32Array)).toBe(s);
    }
    expect(search({ ...g, sum: g.counters * g.top + 1 }).found.has(SUM)).toBe(false);
  });

  it('ends the path to a step violation with the step target', () => {
    const g = { counters: 3, top: 4 };
    const out = search(g);
    const f = out.found.get(LAST_TOP) as Found;
    const path = out.path(f);

    expect(path).toHaveLength(f.depth);
    expect([...(path.at(-1) as Uint32Array)]).toEqual([...(f.key as Uint32Array)]);
    expect(f.key?.[g.counters - 1]).toBe(g.top);
    const keys = [new Uint32Array(g.counters), ...path];
    expect(keys.slice(1).every((k, i) => isRaise(keys[i] as Uint32Array, k))).toBe(true);
  });
});

describe('breadthFirst stop conditions', () => {
  const g = { counters: 3, top: 4, only: SUM_ONLY };
  const widths = levelWidths(g.counters, g.top);
  const last = g.counters * g.top;

  it('stops at the end of the violating level with stopAfterLevel', () => {
    for (let s = 0; s < last; s++) {
      const out = search({ ...g, sum: s }, { stopAfterLevel: true });
      // Levels before `end` are expanded, level `end` is stored and left (the initial state's
      // level is expanded before the check, even when it violates).
      const end = Math.max(s, 1);
      let raises = 0;
      for (let d = 0; d < end; d++) raises += raisesFrom(g.counters, g.top, d);

      expect(out.complete).toBe(false);
      expect(out.found.get(SUM)?.depth).toBe(s);
      expect(out.distinct).toBe(sumUpTo(widths, end + 1));
      expect(out.queueLeft).toBe(widths[end]);
      expect(out.generated).toBe(1 + raises);
      expect(out.depth).toBe(end - 1);
      expect(out.finalStates).toBe(0);
    }
  });

  it.each([
    { counters: 3, top: 4, only: SUM_ONLY },
    // Levels 4 and 5 are equally wide.
    { counters: 3, top: 3, only: SUM_ONLY },
  ])(
    'with "whileGrowing" stops on %o only while the levels are as wide as every one before',
    (grid) => {
      const w = levelWidths(grid.counters, grid.top);
      const kinds = new Set<string>();
      for (let s = 1; s <= grid.counters * grid.top; s++) {
        const out = search({ ...grid, sum: s }, { stopAfterLevel: 'whileGrowing' });
        const widest = Math.max(...w.slice(0, s));
        const stops = (w[s] as number) >= widest;

        expect(out.found.get(SUM)?.depth).toBe(s);
        expect(out.complete).toBe(!stops);
        expect(out.distinct).toBe(stops ? sumUpTo(w, s + 1) : statesOf(grid));
        kinds.add(stops ? (w[s] === widest ? 'as wide' : 'wider') : 'narrower');
      }
      // Each kind occurs: the widest level is in the middle of the grid.
      expect(kinds).toEqual(new Set(['wider', 'narrower', ...(grid.top === 3 ? ['as wide'] : [])]));
    },
  );

  it('goes on past a violation after the widest level', () => {
    const s = last - 1;
    expect(widths[s] as number).toBeLessThan(Math.max(...widths));

    const out = search({ ...g, sum: s }, { stopAfterLevel: 'whileGrowing' });

    expect(out.complete).toBe(true);
    expect(out.distinct).toBe(statesOf(g));
    expect(out.depth).toBe(last);
  });

  it('stops at the first violation of any property with stopAtFirst', () => {
    // LAST_TOP comes at depth top, before the sum's.
    const all = { counters: 3, top: 4, sum: 6, only: (1 << SUM) | (1 << LAST_TOP) };
    const out = search(all, { stopAtFirst: true });

    expect([...out.found.keys()]).toEqual([LAST_TOP]);
    expect(out.found.get(LAST_TOP)?.depth).toBe(all.top);
    expect(out.complete).toBe(false);
    expect(out.distinct).toBeLessThanOrEqual(sumUpTo(widths, all.top + 1));
  });

  it('stops as soon as the state violating the first property is stored', () => {
    const s = 5;
    const out = search({ ...g, sum: s }, { stopAtFirst: true });

    expect(out.found.get(SUM)?.depth).toBe(s);
    expect(out.complete).toBe(false);
    expect(out.distinct).toBe(sumUpTo(widths, s) + 1);
  });

  it('stops on property stopWhen only, after others are found', () => {
    const all = { counters: 3, top: 4, sum: 7 };
    const out = search(all, { stopWhen: SUM });

    expect(out.found.get(LAST_TOP)?.depth).toBe(all.top);
    expect(out.found.get(MIXED)?.depth).toBe(3);
    expect(out.found.get(SUM)?.depth).toBe(all.sum);
    expect(out.complete).toBe(false);
    expect(out.distinct).toBe(sumUpTo(widths, all.sum) + 1);
  });

  it('runs to the end when stopWhen is never violated', () => {
    const out = search({ counters: 3, top: 4, sum: 7 }, { stopWhen: NEVER });

    expect(out.complete).toBe(true);
    expect(out.distinct).toBe(statesOf(g));
    expect(out.found.has(SUM)).toBe(true);
  });

  it('stops once maxStates are stored, within one expansion', () => {
    for (const max of [1, 2, 10, 50, 100]) {
      const out = search(g, { maxStates: max });

      expect(out.complete).toBe(false);
      expect(out.distinct).toBeGreaterThanOrEqual(max);
      // An expansion adds at most one state per counter.
      expect(out.distinct).toBeLessThan(max + g.counters);
      expect(out.queueLeft).toBeGreaterThan(0);
    }
    expect(search(g, { maxStates: statesOf(g) + 1 }).complete).toBe(true);
  });

  it('stops, incomplete and out of memory, once memory passes maxBytes', () => {
    const big = { counters: 4, top: 9, only: SUM_ONLY };
    const short = search(big, { maxBytes: 1 });

    expect(short.outOfMemory).toBe(true);
    expect(short.complete).toBe(false);
    expect(short.queueLeft).toBeGreaterThan(0);
    expect(short.distinct).toBeLessThan(statesOf(big));
    const ample = search(big, { maxBytes: 2 ** 50 });
    expect(ample.outOfMemory).toBe(false);
    expect(ample.complete).toBe(true);
    expect(ample.distinct).toBe(statesOf(big));
  });
});

describe('breadthFirst with "whileGrowing" over levels that narrow and widen again', () => {
  const widths = [1, 4, 2, 3, 5, 1];
  /** Successors of the levels before `end`: each even state of a level leads to the whole next. */
  const products = (end: number): number =>
    widths.slice(0, end).reduce((s, w, d) => s + Math.ceil(w / 2) * (widths[d + 1] ?? 0), 0);
  /** Final states of the levels before `end`: the odd ones, and the whole last level. */
  const finals = (end: number): number =>
    widths
      .slice(0, end)
      .reduce((s, w, d) => s + (d === widths.length - 1 ? w : Math.floor(w / 2)), 0);

  // Level 1 is the widest until level 4: a violation at level 2 or 3 lets the search go on, and
  // it stops at the end of level 4, the first as wide as every one before.
  it.each([
    [1, 1],
    [2, 4],
    [3, 4],
    [4, 4],
  ])('stops on a violation at level %i at the end of level %i', (violateAt, end) => {
    const found = new Map<number, Found>();

    const out = breadthFirst(
      levels({ widths, violateAt }),
      { stopAfterLevel: 'whileGrowing' },
      {},
      found,
    );

    expect(out.found.get(AT_LEVEL)?.depth).toBe(violateAt);
    expect(out.complete).toBe(false);
    expect(out.distinct).toBe(sumUpTo(widths, end + 1));
    expect(out.queueLeft).toBe(widths[end]);
    expect(out.depth).toBe(end - 1);
    expect(out.generated).toBe(1 + products(end));
    expect(out.finalStates).toBe(finals(end));
  });

  it('goes on to the end past the widest level', () => {
    const found = new Map<number, Found>();
    const violateAt = widths.length - 1;

    const out = breadthFirst(
      levels({ widths, violateAt }),
      { stopAfterLevel: 'whileGrowing' },
      {},
      found,
    );

    expect(out.found.get(AT_LEVEL)?.depth).toBe(violateAt);
    expect(out.complete).toBe(true);
    expect(out.distinct).toBe(sumUpTo(widths, widths.length));
    expect(out.generated).toBe(1 + products(widths.length));
    expect(out.finalStates).toBe(finals(widths.length));
    expect(out.depth).toBe(widths.length - 1);
  });
});

/** A model that checks, around `inner`, what `add` answers and which annotation comes back. */
function auditing(inner: SearchModel) {
  const keyText = (k: Uint32Array) => k.join(',');
  /** Depth at which each key was stored (from the onStore hook). */
  const storedAt = new Map<string, number>();
  /** The annotation each key must have: set on NEW, narrowed on PENDING. */
  const meet = new Map<string, number>();
  const tally = {
    [NEW]: 0,
    [PENDING]: 0,
    [OLD]: 0,
    wrongAnswer: 0,
    wrongAnnotation: 0,
    /** Expansions whose expected annotation is not the grid's formula for it. */
    notMeetOf: 0,
  };
  const model: SearchModel = {
    ...inner,
    expand(key, annotation, depth, to) {
      const want = meet.get(keyText(key)) ?? 0;
      if (want !== annotation) tally.wrongAnnotation++;
      if (want !== meetOf(key)) tally.notMeetOf++;
      let last = '';
      let answer = OLD;
      const spy: Successors = {
        add(k, bits) {
          const before = storedAt.get(keyText(k));
          answer = to.add(k, bits);
          const expected = before === undefined ? NEW : before === depth + 1 ? PENDING : OLD;
          if (answer !== expected) tally.wrongAnswer++;
          tally[answer as 0 | 1 | 2]++;
          last = keyText(k);
          return answer;
        },
        annotate(word) {
          meet.set(last, answer === NEW ? word : (meet.get(last) as number) & word);
          to.annotate(word);
        },
        final: (bits) => to.final(bits),
        get stopped() {
          return to.stopped;
        },
      };
      inner.expand(key, annotation, depth, spy);
    },
  };
  const onStore = (_id: number, key: Uint32Array, depth: number) => {
    storedAt.set(keyText(key), depth);
  };
  return { model, onStore, tally };
}

describe('breadthFirst answers and annotations', () => {
  it('answers NEW, PENDING (stored at the level being built) or OLD (stored earlier)', () => {
    // Arrange: lowering and shifting reach states of earlier levels and of the same level.
    const g = { counters: 3, top: 3, down: true, across: true };
    const { model, onStore, tally } = auditing(grid(g));

    // Act
    const out = breadthFirst(model, {}, { onStore });

    // Assert
    expect(tally.wrongAnswer).toBe(0);
    expect(tally[NEW]).toBe(statesOf(g) - 1);
    expect(tally[PENDING]).toBeGreaterThan(0);
    expect(tally[OLD]).toBeGreaterThan(0);
    expect(tally[NEW] + tally[PENDING] + tally[OLD]).toBe(out.generated - 1);
    expect(out.counters?.old).toBe(tally[OLD]);
  });

  it('sets an annotation on NEW, narrows it on PENDING and hands it to expand', () => {
    const g = { counters: 4, top: 2, down: true, across: true };
    const { model, onStore, tally } = auditing(grid(g));

    const out = breadthFirst(model, {}, { onStore });

    expect(tally.wrongAnnotation).toBe(0);
    expect(tally.notMeetOf).toBe(0);
    // The grid's own check: the annotation is the meet of the raised counters' bits.
    expect(out.found.has(WRONG)).toBe(false);
    expect(out.found.get(MIXED)?.depth).toBe(3);
  });
});

describe('breadthFirst hooks', () => {
  const g = { counters: 3, top: 2 };
  const widths = levelWidths(g.counters, g.top);

  it('calls onLevel with each level and its range of ids', () => {
    const levels: [number, number, number][] = [];

    breadthFirst(grid(g), {}, { onLevel: (d, first, end) => levels.push([d, first, end]) });

    const expected = widths.map((w, d): [number, number, number] => {
      const first = sumUpTo(widths, d);
      return [d, first, first + w];
    });
    expect(levels).toEqual(expected);
  });

  it('calls onStore once per stored state, in id order, with its key and depth', () => {
    const calls: { id: number; key: number[]; depth: number }[] = [];

    const out = breadthFirst(
      grid(g),
      {},
      { onStore: (id, key, depth) => calls.push({ id, key: [...key], depth }) },
    );

    expect(calls).toHaveLength(out.distinct);
    expect(calls.map((c) => c.id)).toEqual([...Array(out.distinct).keys()]);
    expect(calls.every((c) => c.depth === sumOf(Uint32Array.from(c.key)))).toBe(true);
    expect(new Set(calls.map((c) => c.key.join(','))).size).toBe(out.distinct);
  });

  it('expands only the states expandable allows', () => {
    const asked: number[] = [];
    const model = grid(g);

    const out = breadthFirst(
      model,
      {},
      {
        expandable: (id, key, depth) => {
          asked.push(id);
          expect(depth).toBe(sumOf(key));
          return key[0] === 0;
        },
      },
    );

    // States with the first counter at 0 are expanded, those at 1 stored only.
    const expanded = (g.top + 1) ** (g.counters - 1);
    expect(out.distinct).toBe(2 * expanded);
    expect(out.counters).toEqual({ expanded, old: 0 });
    expect(asked).toEqual([...Array(out.distinct).keys()]);
    expect(out.complete).toBe(true);
  });
});
