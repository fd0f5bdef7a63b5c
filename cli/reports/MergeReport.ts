/**
 * `lingering merge FILE... --json` (docs/formats.md#merge-json): what the shards searched (their
 * common header, also kept whole under `header`), the files, and the union's counts and verdicts
 * (explorer/merge.ts `MergeResult`).
 */
import { z } from 'zod';
import { ENVIRONMENTS } from '../../engine/environment.js';
import { FingerprintHeaderSchema } from '../../explorer/FingerprintHeader.js';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const MERGE_REPORT_FORMAT = 'lingering-merge-report/v1';

const count = z.number().int().min(0);

/** What every shard searched: the header's fields that must agree, the environment filled in. */
const common = FingerprintHeaderSchema.pick({
  driver: true,
  agent: true,
  bounds: true,
  symmetry: true,
  por: true,
  minimise: true,
  quiescence: true,
}).extend({ environment: z.enum(ENVIRONMENTS) });

/** The report. */
export const MergeReportSchema = z.strictObject({
  format: z.literal(MERGE_REPORT_FORMAT),
  ...common.shape,
  files: z.array(z.string()).min(1),
  header: common.extend({ format: FingerprintHeaderSchema.shape.format }),
  shards: z.array(z.strictObject({ index: z.number().int(), count: z.number().int() })),
  allShards: z.boolean(),
  complete: z.boolean(),
  distinctStates: count,
  storedStates: count,
  repeated: count,
  generated: count,
  depth: count,
  wallMs: count,
  cpuMs: count,
  violations: FingerprintHeaderSchema.shape.violations,
  collisionProbability: z.number().min(0),
});

/** The report as the command prints it. */
export type MergeReportJson = DeepReadonly<z.output<typeof MergeReportSchema>>;
