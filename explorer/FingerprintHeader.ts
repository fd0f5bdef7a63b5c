/**
 * The header line of a fingerprint file (docs/formats.md#fingerprint-files), `format` first: what
 * a shard searched and what it found (explorer/fingerprints.ts writes it, `lingering merge` reads
 * it). Read with the input side: a file written before `environment` was recorded has none and
 * searched the isolated environment.
 */
import { z } from 'zod';
import { ENVIRONMENTS } from '../engine/environment.js';
import { EventJsonSchema } from '../engine/trace.js';
import { ExploreBoundsSchema } from './ExploreBoundsSchema.js';

/** The format tag. */
export const FINGERPRINTS_FORMAT = 'lingering-fingerprints/v1';

const count = z.number().int().min(0);

/** How a shard split the search (explorer/shardHooks.ts `ShardReport`). */
export const ShardReportSchema = z.strictObject({
  index: z.number().int().min(1),
  count: z.number().int().min(1),
  strategy: z.enum(['ends', 'firstLevel']),
  profiles: z.array(count),
  level: z.number().int().min(-1),
  levelStates: count,
  roots: count,
  leftToOthers: count,
});

/** The header line. */
export const FingerprintHeaderSchema = z.strictObject({
  format: z.literal(FINGERPRINTS_FORMAT),
  driver: z.string(),
  agent: z.string(),
  environment: z.enum(ENVIRONMENTS).optional(),
  bounds: ExploreBoundsSchema,
  symmetry: z.boolean(),
  por: z.boolean(),
  minimise: z.boolean(),
  quiescence: z.enum(['final', 'everyState']),
  shard: ShardReportSchema.nullable(),
  count,
  generated: count,
  depth: count,
  finalStates: count,
  complete: z.boolean(),
  wallMs: count,
  violations: z.array(
    z.strictObject({ invariant: z.string(), depth: count, events: z.array(EventJsonSchema) }),
  ),
});
