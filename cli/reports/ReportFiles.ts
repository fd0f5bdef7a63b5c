/**
 * `lingering report --json` (docs/formats.md#report-json): the directory the HTML report was
 * written into and the files written there.
 */
import { z } from 'zod';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const REPORT_FILES_FORMAT = 'lingering-report-files/v1';

/** The report. */
export const ReportFilesSchema = z.strictObject({
  format: z.literal(REPORT_FILES_FORMAT),
  out: z.string(),
  files: z.array(z.string()).min(1),
});

/** The report as the command prints it. */
export type ReportFiles = DeepReadonly<z.output<typeof ReportFilesSchema>>;
