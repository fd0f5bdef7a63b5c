/**
 * A split search as checker hooks (checker/SearchModel.ts `SearchHooks`): shard i of n expands
 * only the states that can still end with one of its end profiles (shard.ts), or, with more
 * shards than profiles, its share of the first level wide enough, split by content fingerprint;
 * every stored state's fingerprint and depth are kept for `merge` (fingerprints.ts).
 *
 * Leaves out: the search (checker/), what a profile is (shard.ts).
 */
import type { SearchHooks } from './checker/SearchModel.js';
import { fingerprint } from './canonicalise.js';
import { readKey } from './encodeState.js';
import type { LocalTables } from './LocalTables.js';
import { canReach, ownedProfiles } from './shard.js';

/** One shard of a split search: `index` from 1 to `count`. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** How a shard split the search (shard.ts). */
export interface ShardReport extends ShardSpec {
  /** By end profile, or (more shards than profiles) by the states of the first wide level. */
  readonly strategy: 'ends' | 'firstLevel';
  /** 'ends': the numbers of resets this shard owns. */
  readonly profiles: readonly number[];
  /** 'firstLevel': the level split (-1: no level was wide enough, so nothing was split). */
  readonly level: number;
  /** 'firstLevel': states at that level, and how many this shard expanded. */
  readonly levelStates: number;
  readonly roots: number;
  /** States this shard stored but left to other shards. */
  readonly leftToOthers: number;
}

/** Words per state in a fingerprint list: the content fingerprint (two words), then the depth. */
export const FP_WORDS = 3;

/** Resets and flows not yet ended in a group, as one number (resets · 256 + open). */
const decisionOf = (tables: LocalTables, l: number): number => {
  let resets = 0;
  let open = 0;
  for (const m of tables.local(l).members) {
    const status = m.flow?.status ?? 'established';
    if (status === 'established') open++;
    else if (status === 'recvRst') resets++;
  }
  return resets * 256 + open;
};

/** Whether the state of a key can still end with one of `owned`'s end profiles (shard.ts). */
function reachability(
  tables: LocalTables,
): (key: Uint32Array, owned: readonly number[]) => boolean {
  const n = tables.places.length;
  const wide = tables.places.some((p) => p.flows.length > 1);
  const locals = new Int32Array(n);
  const decided: number[] = [];
  return (key, owned) => {
    readKey(key, 0, n, locals, wide);
    let resets = 0;
    let open = 0;
    for (let j = 0; j < n; j++) {
      const l = locals[j] as number;
      let d = decided[l];
      if (d === undefined) d = decided[l] = decisionOf(tables, l);
      resets += d >> 8;
      open += d & 255;
    }
    return canReach(owned, resets, open);
  };
}

/** Writes the content fingerprint of the state of a key into `out[at]`, `out[at + 1]`. */
function fingerprinter(
  tables: LocalTables,
  symmetry: boolean,
): (key: Uint32Array, out: Uint32Array, at: number) => void {
  const n = tables.places.length;
  const wide = tables.places.some((p) => p.flows.length > 1);
  const locals = new Int32Array(n);
  return (key, out, at) => {
    const g = readKey(key, 0, n, locals, wide);
    const hashes: (readonly [number, number])[] = [];
    for (let j = 0; j < n; j++) hashes.push(tables.localHash(locals[j] as number));
    fingerprint(tables.shared.hash(g), hashes, symmetry, out, at);
  };
}

/** Hooks that keep every stored state's fingerprint and (given a shard) split the search. */
export interface SplitHooks {
  readonly hooks: SearchHooks;
  /** Whether successors of states at `depth` keep their sleep sets (the split level's do not). */
  readonly keepSleepAt: (depth: number) => boolean;
  report(): ShardReport | undefined;
  /** FP_WORDS words per stored state, for the first `count` states. */
  fingerprints(count: number): Uint32Array;
  readonly bytes: () => number;
}

/**
 * The hooks of shard `shard` (or of an unsplit search that keeps fingerprints, `shard` undefined).
 *
 * @example
 * splitHooks(tables, 3, { index: 1, count: 2 }, true).report()?.strategy //=> 'ends'
 */
export function splitHooks(
  tables: LocalTables,
  flows: number,
  shard: ShardSpec | undefined,
  symmetry: boolean,
): SplitHooks {
  const storeFingerprint = fingerprinter(tables, symmetry);
  let fps = new Uint32Array(FP_WORDS * 1024);
  const profiles = shard === undefined ? null : ownedProfiles(flows, shard.count, shard.index);
  let level = -1;
  let levelStates = 0;
  let roots = 0;
  let leftToOthers = 0;

  const onStore = (id: number, key: Uint32Array, depth: number): void => {
    if (FP_WORDS * id + FP_WORDS > fps.length) {
      const grown = new Uint32Array(fps.length * 2);
      grown.set(fps);
      fps = grown;
    }
    storeFingerprint(key, fps, FP_WORDS * id);
    fps[FP_WORDS * id + 2] = depth;
  };
  const reachable = reachability(tables);
  const expandable = (id: number, key: Uint32Array, depth: number): boolean => {
    if (shard === undefined) return true;
    if (profiles !== null) {
      if (reachable(key, profiles)) return true;
    } else if (depth !== level) return true;
    // More shards than profiles: each expands its share of the split level (by content
    // fingerprint, so every shard agrees whatever numbers it gave the states).
    else if ((fps[FP_WORDS * id] as number) % shard.count === shard.index - 1) {
      roots++;
      return true;
    }
    leftToOthers++;
    return false;
  };
  const onLevel = (depth: number, first: number, end: number): void => {
    if (shard !== undefined && profiles === null && level < 0 && end - first >= 4 * shard.count) {
      level = depth;
      levelStates = end - first;
    }
  };
  return {
    hooks: { onStore, ...(shard === undefined ? {} : { expandable, onLevel }) },
    // In a split search the split level's successors start with empty sleep sets: the moves their
    // sleep sets would skip may be covered only through another shard's states.
    keepSleepAt: (depth) => depth !== level,
    report: () =>
      shard === undefined
        ? undefined
        : {
            ...shard,
            strategy: profiles === null ? 'firstLevel' : 'ends',
            profiles: profiles ?? [],
            level,
            levelStates,
            roots,
            leftToOthers,
          },
    fingerprints: (count) => fps.slice(0, FP_WORDS * count),
    bytes: () => fps.byteLength,
  };
}
