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
import type { z } from 'zod';
import { eventToJson } from '../engine/events.js';
import type { DeepReadonly } from '../lib/DeepReadonly.js';
import { normalTuples } from './tupleGroups.js';
import type { ExploreResult } from './bfs.js';
import { FingerprintHeaderSchema, FINGERPRINTS_FORMAT } from './FingerprintHeader.js';
import { FP_WORDS } from './bfs.js';

/** The header line, as written and as read (explorer/FingerprintHeader.ts). */
export type FingerprintHeader = DeepReadonly<z.output<typeof FingerprintHeaderSchema>>;

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
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(0, nl).toString('utf8'));
  } catch {
    throw new Error(`${path}: the header is not JSON`);
  }
  // The format first: a file of another kind is named as such, not by its first odd field.
  if ((json as { format?: unknown } | null)?.format !== FINGERPRINTS_FORMAT)
    throw new Error(`${path}: not a ${FINGERPRINTS_FORMAT} file`);
  const parsed = FingerprintHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path}: the header does not match docs/schemas/lingering-fingerprints-v1.schema.json (${issue?.path.join('.') || 'header'}: ${issue?.message ?? 'unknown'})`,
    );
  }
  const header: FingerprintHeader = parsed.data;
  const body = bytes.subarray(nl + 1);
  if (body.length !== header.count * 4 * FP_WORDS) {
    throw new Error(`${path}: ${body.length} bytes of fingerprints for ${header.count} states`);
  }
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const fingerprints = new Uint32Array(header.count * FP_WORDS);
  for (let i = 0; i < fingerprints.length; i++) fingerprints[i] = view.getUint32(i * 4, true);
  return { header, fingerprints };
}
