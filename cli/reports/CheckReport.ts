/**
 * `lingering check --json` (docs/formats.md#check-json), one format in two shapes: no violation
 * (`violated: null`), or the violation with its shortest trace and what `--save` did. With
 * `--scheduler pct` both carry the PCT figures (checking/pct/pctFigures.ts).
 */
import { z } from 'zod';
import { ENVIRONMENTS } from '../../engine/environment.js';
import { EventJsonSchema } from '../../engine/trace.js';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report, in both shapes. */
export const CHECK_REPORT_FORMAT = 'lingering-check-report/v1';

const count = z.number().int().min(0);
const runs = count.nullable();

/** The PCT figures, present with `--scheduler pct` only. */
const pct = {
  scheduler: z.literal('pct').optional(),
  depth: count.optional(),
  runsToFirstViolation: z.strictObject({ pct: runs, uniform: runs }).optional(),
  pctBound: z
    .strictObject({ n: count, k: count, d: count, probability: z.number(), runs: z.number() })
    .optional(),
};

/** What `--save` did. */
const saved = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('written'), file: z.string() }),
  z.strictObject({
    action: z.literal('kept'),
    file: z.string(),
    existing: count,
    reason: z.string(),
  }),
  z.strictObject({ action: z.literal('replaced'), file: z.string(), existing: count }),
]);

/** No violation within the runs (exit 0). */
const NoViolationSchema = z.strictObject({
  format: z.literal(CHECK_REPORT_FORMAT),
  driver: z.string(),
  agent: z.string(),
  invariant: z.string().nullable(),
  environment: z.enum(ENVIRONMENTS),
  seed: z.number().int(),
  runs: z.number().int().min(1),
  violated: z.null(),
  tried: count,
  ...pct,
});

/** A violation (exit 1). */
const ViolationSchema = z.strictObject({
  format: z.literal(CHECK_REPORT_FORMAT),
  driver: z.string(),
  agent: z.string(),
  invariant: z.string(),
  environment: z.enum(ENVIRONMENTS),
  violated: z.string(),
  statement: z.string(),
  seed: z.number().int(),
  runs: z.number().int().min(1),
  tried: count,
  path: z.string(),
  ...pct,
  shrunkLength: count,
  bfsMinimum: count.nullable(),
  events: z.array(EventJsonSchema),
  step: z.number().int().min(1).nullable(),
  subject: z.string().optional(),
  detail: z.string().optional(),
  because: z.string().nullable(),
  saved: saved.nullable(),
});

/** The report: either shape. */
export const CheckReportSchema = z.union([NoViolationSchema, ViolationSchema]);

/** The report with no violation, as the command builds it. */
export type CheckNoViolation = DeepReadonly<z.output<typeof NoViolationSchema>>;
/** The report of a violation, as the command builds it. */
export type CheckViolation = DeepReadonly<z.output<typeof ViolationSchema>>;
