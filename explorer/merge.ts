/**
 * Unions the outputs of a split search: the distinct states are the union of the shards'
 * fingerprints, each invariant's shortest trace is the shortest any shard found, and the overlap
 * is the work shards repeated (states stored by more than one). With every shard of one split,
 * the counts and verdicts are those of one unsplit search.
 *
 * Leaves out: checking that the shards ran the same code (they must: fingerprints hash the
 * explorer's own encoding); files of different pairs, environments, bounds, tuples or reductions
 * are refused.
 */
import type { Environment } from '../engine/environment.js';
import { invariantNames } from '../invariants/index.js';
import type { FingerprintFile, FingerprintHeader } from './fingerprints.js';
import { FP_WORDS } from './bfs.js';
import { VisitedSet } from './VisitedSet.js';

/** What a merge found. */
export interface MergeResult {
  /** What every shard searched, the environment filled in for files from before it was recorded. */
  readonly header: Omit<
    FingerprintHeader,
    | 'environment'
    | 'shard'
    | 'count'
    | 'generated'
    | 'depth'
    | 'finalStates'
    | 'complete'
    | 'wallMs'
    | 'violations'
  > & { readonly environment: Environment };
  readonly shards: readonly { readonly index: number; readonly count: number }[];
  /** Every shard of the split is present. */
  readonly allShards: boolean;
  readonly complete: boolean;
  readonly distinctStates: number;
  /** Σ of the shards' stored states. */
  readonly storedStates: number;
  /** States stored by more than one shard (the shared prefix included), Σ − union. */
  readonly repeated: number;
  readonly generated: number;
  readonly depth: number;
  /** The longest shard's wall time and the sum of all. */
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly violations: FingerprintHeader['violations'];
  /** The chance that two distinct states share a fingerprint (n² / 2⁶⁵). */
  readonly collisionProbability: number;
}

const SAME = ['driver', 'agent', 'symmetry', 'por', 'minimise', 'quiescence'] as const;

// A file written before the environment was recorded searched the isolated one.
const envOf = (h: FingerprintHeader): string => h.environment ?? 'isolated';
const tuplesOf = (h: FingerprintHeader): string =>
  JSON.stringify([h.bounds.tuples ?? h.bounds.flows, h.bounds.tupleOf ?? null]);

/** Why two headers cannot be merged, or null. */
function mismatch(a: FingerprintHeader, b: FingerprintHeader): string | null {
  for (const k of SAME) {
    if (b[k] !== a[k]) return `the files differ in ${k} (${String(a[k])} and ${String(b[k])})`;
  }
  if (envOf(a) !== envOf(b)) return `the files differ in environment (${envOf(a)} and ${envOf(b)})`;
  if (tuplesOf(a) !== tuplesOf(b))
    return `the files differ in tuples (${tuplesOf(a)} and ${tuplesOf(b)})`;
  if (JSON.stringify(a.bounds) !== JSON.stringify(b.bounds))
    return 'the files differ in their bounds';
  if ((a.shard?.count ?? 1) !== (b.shard?.count ?? 1))
    return 'the files come from splits of different sizes';
  return null;
}

/**
 * Merges the files of one split search.
 *
 * @example
 * mergeFingerprints([shard1, shard2]).distinctStates //=> the unsplit search's count
 */
export function mergeFingerprints(files: readonly FingerprintFile[]): MergeResult {
  const first = files[0];
  if (first === undefined) throw new Error('merge: no files');
  for (const f of files) {
    const why = mismatch(first.header, f.header);
    if (why !== null) throw new Error(`merge: ${why}`);
  }
  // Each state's depth is the least any shard reached it at; the search's depth is their maximum.
  const union = new VisitedSet(2);
  const key = new Uint32Array(2);
  let depths = new Uint32Array(1024);
  let stored = 0;
  for (const f of files) {
    for (let i = 0; i < f.fingerprints.length; i += FP_WORDS) {
      key[0] = f.fingerprints[i] as number;
      key[1] = f.fingerprints[i + 1] as number;
      const at = f.fingerprints[i + 2] as number;
      const r = union.add(key, -1);
      if (r >= 0) {
        if (r >= depths.length) {
          const grown = new Uint32Array(depths.length * 2);
          grown.set(depths);
          depths = grown;
        }
        depths[r] = at;
      } else if (at < (depths[-r - 1] as number)) depths[-r - 1] = at;
    }
    stored += f.header.count;
  }
  let depth = 0;
  for (let i = 0; i < union.size; i++) depth = Math.max(depth, depths[i] as number);
  const byInvariant = new Map<string, FingerprintHeader['violations'][number]>();
  for (const f of files) {
    for (const v of f.header.violations) {
      const best = byInvariant.get(v.invariant);
      if (best === undefined || v.depth < best.depth) byInvariant.set(v.invariant, v);
    }
  }
  const shards = files.map((f) => ({
    index: f.header.shard?.index ?? 1,
    count: f.header.shard?.count ?? 1,
  }));
  const count = shards[0]?.count ?? 1;
  const present = new Set(shards.map((s) => s.index));
  const n = union.size;
  const { format, driver, agent, bounds, symmetry, por, minimise, quiescence } = first.header;
  const environment = first.header.environment ?? 'isolated';
  return {
    header: { format, driver, agent, environment, bounds, symmetry, por, minimise, quiescence },
    shards,
    allShards: present.size === count && [...present].every((i) => i >= 1 && i <= count),
    complete: files.every((f) => f.header.complete),
    distinctStates: n,
    storedStates: stored,
    repeated: stored - n,
    generated: files.reduce((s, f) => s + f.header.generated, 0),
    depth,
    wallMs: Math.max(...files.map((f) => f.header.wallMs)),
    cpuMs: files.reduce((s, f) => s + f.header.wallMs, 0),
    violations: [...byInvariant.values()].sort(
      (a, b) => invariantNames.indexOf(a.invariant) - invariantNames.indexOf(b.invariant),
    ),
    collisionProbability: (n * n) / 2 ** 65,
  };
}
