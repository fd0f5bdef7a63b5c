/**
 * The breadth-first checker: level by level over a model's keys (SearchModel.ts), with one
 * visited set (VisitedSet.ts: keys inline, parent and annotation per state). Breadth-first order
 * makes the first violation of each property a shortest one; the checker records it and keeps
 * going (or stops, as `SearchLimits` say). It knows nothing of the domain, in the manner of
 * stateright's `checker/bfs.rs`.
 *
 * Leaves out: several workers (parallelBreadthFirst.ts spreads the same search over threads).
 */
import { memoryOver } from '../../lib/memoryOver.js';
import { VisitedSet } from '../VisitedSet.js';
import type {
  Found,
  SearchHooks,
  SearchLimits,
  SearchModel,
  SearchOutcome,
  Successors,
} from './SearchModel.js';
import { NEW, OLD, PENDING } from './SearchModel.js';
import { recordFound } from './recordFound.js';

/** The mutable state of one search, shared by the successor sink and the loop. */
class Search implements Successors {
  readonly visited: VisitedSet;
  generated = 1;
  finalStates = 0;
  depth = 0;
  /** The state being expanded. */
  id = 0;
  /** The first id of the level being built. */
  nextLevel = 1;
  /** When the next progress report is due. */
  nextProgress = 0;
  stopped = false;
  outOfMemory = false;
  /** The successor just added: its id when new, `-(id + 1)` when pending. */
  private last = -1;

  constructor(
    readonly model: SearchModel,
    readonly limits: SearchLimits,
    readonly hooks: SearchHooks,
    readonly found: Map<number, Found>,
  ) {
    this.visited = new VisitedSet(model.words);
  }

  record(bits: number, state: number, key: Uint32Array | null, at: number): void {
    const added = recordFound(this.found, bits, state, key, at);
    if (added === 0) return;
    const { stopWhen, stopAtFirst } = this.limits;
    if (stopAtFirst === true || (stopWhen !== undefined && ((added >>> stopWhen) & 1) !== 0))
      this.stopped = true;
  }

  store(key: Uint32Array, parent: number, at: number): number {
    const r = this.visited.add(key, parent);
    if (r < 0) return r;
    this.hooks.onStore?.(r, key, at);
    const bits = this.model.judge(key);
    if (bits !== 0) this.record(bits, r, null, at);
    return r;
  }

  add(key: Uint32Array, stepBits: number): number {
    this.generated++;
    const r = this.store(key, this.id, this.depth + 1);
    if (stepBits !== 0) this.record(stepBits, this.id, key, this.depth + 1);
    if (r >= 0) {
      this.last = r;
      return NEW;
    }
    const old = -r - 1;
    if (old < this.nextLevel) return OLD;
    this.last = r;
    return PENDING;
  }

  annotate(word: number): void {
    this.visited.meet(this.last, word);
  }

  final(bits: number): void {
    this.finalStates++;
    if (bits !== 0) this.record(bits, this.id, null, this.depth);
  }

  /** Every 1,024 states: the memory budget, then progress once a second; false to stop. */
  tick(head: number, started: number, now: () => number): boolean {
    const { maxBytes, onProgress } = this.limits;
    if (maxBytes !== undefined && memoryOver(maxBytes) !== null) {
      this.outOfMemory = true;
      return false;
    }
    const t = onProgress === undefined ? 0 : now();
    if (onProgress === undefined || t < this.nextProgress) return true;
    this.nextProgress = t + 1000;
    const distinct = this.visited.size;
    const { generated, depth } = this;
    onProgress({ generated, distinct, queue: distinct - head, depth, elapsedMs: t - started });
    return true;
  }
}

/** Whether a search with `limits` that has found a violation stops before a level `width` wide. */
export const stopsAfter = (limits: SearchLimits, width: number, widest: number): boolean =>
  limits.stopAfterLevel === true || (limits.stopAfterLevel === 'whileGrowing' && width >= widest);

/** The keys of the states after the initial one on a shortest path to `f`. */
function pathIn(visited: VisitedSet, f: Found): Uint32Array[] {
  const keys: Uint32Array[] = [];
  for (let s = f.state; s > 0; s = visited.parents[s] as number) keys.push(visited.keyOf(s));
  keys.reverse();
  if (f.key !== null) keys.push(f.key);
  return keys;
}

/**
 * Searches `model` breadth first.
 *
 * @example
 * breadthFirst(model, { stopAfterLevel: true }).found //=> Map { 3 => { depth: 7, … } }
 */
export function breadthFirst(
  model: SearchModel,
  limits: SearchLimits = {},
  hooks: SearchHooks = {},
  found = new Map<number, Found>(),
): SearchOutcome {
  const now = limits.now ?? (() => performance.now());
  const started = now();
  const s = new Search(model, limits, hooks, found);
  const { visited } = s;
  const key = new Uint32Array(model.words);
  model.initial(key);
  s.store(key, -1, 0);
  const maxStates = limits.maxStates ?? Number.POSITIVE_INFINITY;
  let levelEnd = 1;
  let head = 0;
  s.nextProgress = started + 1000;
  let widest = 1;
  hooks.onLevel?.(0, 0, 1);
  while (head < visited.size && !s.stopped) {
    if (head === levelEnd) {
      const width = visited.size - head;
      if (found.size > 0 && stopsAfter(limits, width, widest)) break;
      widest = Math.max(widest, width);
      s.depth++;
      levelEnd = visited.size;
      hooks.onLevel?.(s.depth, head, levelEnd);
    }
    if (visited.size >= maxStates) break;
    s.id = head++;
    s.nextLevel = levelEnd;
    for (let w = 0, at = s.id * model.words; w < model.words; w++)
      key[w] = visited.keys[at + w] as number;
    if (hooks.expandable !== undefined && !hooks.expandable(s.id, key, s.depth)) continue;
    model.expand(key, visited.sleep[s.id] as number, s.depth, s);
    if ((s.id & 1023) === 0 && !s.tick(head, started, now)) break;
  }
  const complete = head >= visited.size && !s.stopped;
  return {
    generated: s.generated,
    distinct: visited.size,
    queueLeft: visited.size - head,
    depth: s.depth,
    finalStates: s.finalStates,
    complete,
    outOfMemory: s.outOfMemory && !complete,
    wallMs: now() - started,
    bytes: visited.bytes,
    found,
    ...(model.about === undefined ? {} : { about: model.about() }),
    ...(model.counters === undefined ? {} : { counters: model.counters() }),
    path: (f) => pathIn(visited, f),
  };
}
