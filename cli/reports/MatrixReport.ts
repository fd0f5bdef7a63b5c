/**
 * `lingering matrix --json` (docs/formats.md#matrix-json): every cell's verdict, the scenarios
 * each pair reached, and those it never reached.
 */
import { z } from 'zod';
import { EventJsonSchema, MAX_LAYERS } from '../../engine/trace.js';
import { ENVIRONMENTS } from '../../engine/environment.js';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const MATRIX_REPORT_FORMAT = 'lingering-matrix-report/v1';

const count = z.number().int().min(0);

/** The report. */
export const MatrixReportSchema = z.strictObject({
  format: z.literal(MATRIX_REPORT_FORMAT),
  environment: z.enum(ENVIRONMENTS),
  seed: z.number().int(),
  runs: z.number().int().min(1),
  layers: z.number().int().min(1).max(MAX_LAYERS),
  cells: z.array(
    z.strictObject({
      driver: z.string(),
      agent: z.string(),
      invariant: z.string(),
      verdict: z.enum(['holds', 'violated']),
      tried: count,
      counterexampleLength: count.nullable(),
      counterexample: z.array(EventJsonSchema).nullable(),
    }),
  ),
  sometimes: z.array(
    z.strictObject({ driver: z.string(), agent: z.string(), scenario: z.string(), runs: count }),
  ),
  vacuous: z.array(z.strictObject({ driver: z.string(), agent: z.string(), scenario: z.string() })),
});

/** The report as the command builds it. */
export type MatrixReport = DeepReadonly<z.output<typeof MatrixReportSchema>>;
