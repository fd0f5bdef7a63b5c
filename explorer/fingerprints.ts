/**
 * The file a shard writes with `--fingerprints`: one JSON line saying what was searched (pair,
 * environment, bounds and tuples, reductions) and what was found (counts, violations with their traces), then per stored state its 64-bit content
 * fingerprint and the depth the shard reached it at, as three little-endian 32-bit words.
 * `lingering merge` unions such files.
 *
 * Leaves out: compression, and the states themselves (a fingerprint is a hash: two states could
 * share one; the merge reports the chance, as TLC does).
 */
import { readFileSync } from 'node:fs';
import type { EventJson } from '../engine/events.js';
import { eventToJson } from '../engine/events.js';
import type { Environment } from '../engine/environment.js';
import type { ExploreBounds } from './bounds.js';
import { normalTuples } from './tupleGroups.js';
import type { ExploreResult, ShardReport } from './bfs.js';
import { FP_WORDS } from './bfs.js';

/** The format tag. */
export const FINGERPRINTS_FORMAT = 'lingering-fingerprints/v1';

/** The header line. */
export interface FingerprintHeader {
  readonly format: typeof FINGERPRINTS_FORMAT;
  readonly driver: string;
  readonly agent: string;
  /** The environment searched (absent in files from before it was recorded: isolated). */
  readonly environment: Environment;
  /** The bounds, with the tuples in one form (tupleGroups.ts `normalTuples`). */
  readonly bounds: ExploreBounds;
  readonly symmetry: boolean;
  readonly por: boolean;
  readonly minimise: boolean;
  readonly quiescence: string;
  readonly shard: ShardReport | null;
  readonly count: number;
  readonly generated: number;
  readonly depth: number;
  readonly finalStates: number;
  readonly complete: boolean;
  readonly wallMs: number;
  readonly violations: readonly {
    readonly invariant: string;
    readonly depth: number;
    readonly events: readonly EventJson[];
  }[];
}

/** A read file: its header and its fingerprints (FP_WORDS words each: hash, hash, depth). */
export interface FingerprintFile {
  readonly header: FingerprintHeader;
  readonly fingerprints: Uint32Array;
}

/** The header of a finished search. */
export const headerOf = (r: ExploreResult): FingerprintHeader => ({
  format: FINGERPRINTS_FORMAT,
  driver: r.config.driver.name,
  agent: r.config.agent.name,
  environment: r.environment,
  bounds: { ...r.config.bounds, ...normalTuples(r.config) },
  symmetry: r.symmetry,
  por: r.por,
  minimise: r.minimise,
  quiescence: r.quiescence,
  shard: r.shard ?? null,
  count: r.distinctStates,
  generated: r.generated,
  depth: r.depth,
  finalStates: r.finalStates,
  complete: r.complete,
  wallMs: Math.round(r.wallMs),
  violations: r.violations.map((v) => ({
    invariant: v.invariant.name,
    depth: v.depth,
    events: v.events.map(eventToJson),
  })),
});

/**
 * The bytes of `r`'s fingerprint file.
 *
 * @example
 * fingerprintBytes(result).length //=> header line + 12 bytes per state
 */
export function fingerprintBytes(r: ExploreResult): Uint8Array {
  if (r.fingerprints === undefined) throw new Error('explorer: the search kept no fingerprints');
  const head = new TextEncoder().encode(`${JSON.stringify(headerOf(r))}\n`);
  const out = new Uint8Array(head.length + r.fingerprints.length * 4);
  out.set(head);
  const view = new DataView(out.buffer, head.length);
  r.fingerprints.forEach((w, i) => view.setUint32(i * 4, w, true));
  return out;
}

/**
 * Reads a fingerprint file, or throws an Error whose message names the problem.
 *
 * @example
 * readFingerprints('shard-1.fp').header.count //=> the states that shard stored
 */
export function readFingerprints(path: string): FingerprintFile {
  const bytes = readFileSync(path);
  const nl = bytes.indexOf(10);
  if (nl < 0) throw new Error(`${path}: no header line`);
  let header: FingerprintHeader;
  try {
    header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as FingerprintHeader;
  } catch {
    throw new Error(`${path}: the header is not JSON`);
  }
  // Read from a file: any string may be there, whatever the type says.
  if ((header.format as string) !== FINGERPRINTS_FORMAT)
    throw new Error(`${path}: not a ${FINGERPRINTS_FORMAT} file`);
  const body = bytes.subarray(nl + 1);
  if (body.length !== header.count * 4 * FP_WORDS) {
    throw new Error(`${path}: ${body.length} bytes of fingerprints for ${header.count} states`);
  }
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const fingerprints = new Uint32Array(header.count * FP_WORDS);
  for (let i = 0; i < fingerprints.length; i++) fingerprints[i] = view.getUint32(i * 4, true);
  return { header, fingerprints };
}
