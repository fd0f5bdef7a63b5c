/**
 * Meets, before a search, every local state and every shared state a search could meet, in one
 * fixed order, so that two tables built alike number them alike: the parallel search
 * (checker/parallelBreadthFirst.ts) gives each worker its own tables, and a key one worker writes
 * must mean the same state to the worker that stores it.
 *
 * Local states: every state a group of one flow reaches alone (minimiseLocals.ts `closure`, which
 * also makes every poll's effect known). Shared states: from the start, a poll's start while polls
 * are left, churn between steps, and within a poll up to one effect per group, then its end.
 *
 * Leaves out: groups of several flows (their local states are composed on demand, in search order:
 * a parallel search refuses them).
 */
import type { LocalTables } from './LocalTables.js';
import { localClosure } from './minimiseLocals.js';

/** More shared states than this and the tables are not compiled (the search is refused). */
const MAX_SHARED = 200_000;

/** Meets every shared state (see above), in a fixed order. */
function compileShared(tables: LocalTables): void {
  const { shared, features } = tables;
  const P = tables.config.bounds.polls;
  const groups = tables.places.length;
  const deltas = shared.deltaCount;
  const seen = new Set<number>();
  // A state is a shared state and how many groups' poll effects it has taken (k ≤ groups).
  let layer: [number, number][] = [[shared.start, 0]];
  seen.add(shared.start * (groups + 1));
  const visit = (g: number, k: number, next: [number, number][]) => {
    const id = g * (groups + 1) + k;
    if (seen.has(id)) return;
    seen.add(id);
    next.push([g, k]);
    if (shared.count > MAX_SHARED)
      throw new RangeError(
        `explorer: more than ${MAX_SHARED} shared states to compile for a parallel search; use --workers 1`,
      );
  };
  while (layer.length > 0) {
    const next: [number, number][] = [];
    for (const [g, k] of layer) {
      const s = shared.global(g);
      if (k === 0 && features.clientChurn) visit(shared.churned(g), 0, next);
      if (k === 0 && !s.polling && s.polls < P) visit(shared.pollStarted(g), 0, next);
      if (!s.polling) continue;
      if (k < groups) for (let d = 1; d < deltas; d++) visit(shared.addDelta(g, d), k + 1, next);
      visit(shared.pollEnded(g), 0, next);
    }
    layer = next;
  }
}

/**
 * Meets every local and shared state of `tables` in a fixed order.
 *
 * @example
 * compileTables(tables); tables.localCount //=> 4216 (original × prefix, N = 3, L = 1, production)
 */
export function compileTables(tables: LocalTables): void {
  if (tables.places.some((p) => p.flows.length > 1))
    throw new RangeError(
      'explorer: a parallel search needs every flow on a tuple of its own (--tuples equal to --flows); use --workers 1',
    );
  localClosure(tables);
  compileShared(tables);
}
