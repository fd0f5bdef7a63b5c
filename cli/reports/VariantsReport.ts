/**
 * `lingering variants --json` (docs/formats.md#variants-json): every driver design with the steps
 * of its operations, every agent design, and the steps of a poll (docs/events.md#steps).
 */
import { z } from 'zod';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const VARIANTS_REPORT_FORMAT = 'lingering-variants-report/v1';

const steps = z.array(z.string()).min(1);

/** The report. */
export const VariantsReportSchema = z.strictObject({
  format: z.literal(VARIANTS_REPORT_FORMAT),
  drivers: z.array(
    z.strictObject({
      name: z.string(),
      summary: z.string(),
      operations: z.strictObject({ flowDeleteNotify: steps, calloutExit: steps }),
    }),
  ),
  agents: z.array(z.strictObject({ name: z.string(), summary: z.string() })),
  poll: steps,
});

/** The report as the command prints it. */
export type VariantsReport = DeepReadonly<z.output<typeof VariantsReportSchema>>;
