/**
 * `lingering render FILE --json` (docs/formats.md#picture-json): the picture every renderer draws
 * (render/TracePicture.ts): each step with its arrows, the polls, each invariant's verdict, the
 * close-out and the verdict to highlight. A verdict carries its invariant as JSON writes the
 * record (render/TracePicture.ts `Verdict`): the functions are left out, so a `scope` that is not a
 * name is `{}`. No type is drawn from this schema: the picture holds functions the JSON leaves out.
 */
import { z } from 'zod';
import { EventJsonSchema } from '../../engine/trace.js';
import { ACTORS } from '../../render/Actor.js';
import { ReportPollSchema } from './ReplayReport.js';

/** The format tag: the first key of the report. */
export const PICTURE_FORMAT = 'lingering-picture/v1';

const step = z.number().int().min(1);
const pair = { driver: z.string(), agent: z.string() };
const verdict = {
  step: step.optional(),
  subject: z.string().optional(),
  detail: z.string().optional(),
};

/** The report. */
export const PictureReportSchema = z.strictObject({
  format: z.literal(PICTURE_FORMAT),
  title: z.string(),
  driver: z.string(),
  agent: z.string(),
  layers: z.number().int().min(1),
  steps: z.array(
    z.strictObject({
      index: step,
      event: EventJsonSchema,
      label: z.string(),
      change: z.string(),
      messages: z.array(
        z.strictObject({
          from: z.enum(ACTORS),
          to: z.enum(ACTORS),
          label: z.string(),
          detail: z.string(),
        }),
      ),
    }),
  ),
  polls: z.array(ReportPollSchema),
  verdicts: z.array(
    z.strictObject({
      invariant: z.strictObject({
        name: z.string(),
        statement: z.string(),
        when: z.enum(['everyStep', 'quiescence']),
        scope: z.union([z.enum(['perFlow', 'wholeState']), z.strictObject({})]),
        witness: z.strictObject({
          ...pair,
          trace: z.string(),
          fixed: z.strictObject({ ...pair, trace: z.string().optional() }).optional(),
        }),
      }),
      verdict: z.enum(['holds', 'violated']),
      ...verdict,
    }),
  ),
  closeOut: z.array(z.string()),
  highlight: z
    .strictObject({
      name: z.string(),
      statement: z.string(),
      when: z.enum(['everyStep', 'quiescence', 'model']),
      verdict: z.enum(['holds', 'violated', 'unjudged']),
      ...verdict,
      because: z.string().optional(),
    })
    .nullable(),
});
