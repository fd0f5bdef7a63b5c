/**
 * `lingering model --json` (docs/formats.md#model-json): the bounds the xstate model was explored
 * within, the size of the state graph, and the shortest path to a lingering flow.
 */
import { z } from 'zod';
import { EventJsonSchema } from '../../engine/trace.js';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const MODEL_REPORT_FORMAT = 'lingering-model-report/v1';

const count = z.number().int().min(0);

/** The report. */
export const ModelReportSchema = z.strictObject({
  format: z.literal(MODEL_REPORT_FORMAT),
  driver: z.string(),
  agent: z.string(),
  flows: z.number().int().min(1),
  layers: z.number().int().min(1),
  callouts: count,
  polls: count,
  symmetry: z.boolean(),
  states: count,
  transitions: count,
  lingeringReachable: z.boolean(),
  lingeringPath: z.array(EventJsonSchema),
});

/** The report as the command prints it. */
export type ModelReportJson = DeepReadonly<z.output<typeof ModelReportSchema>>;
