/** `lingering --version --json` (docs/formats.md#version-json): the name and the version. */
import { z } from 'zod';

/** The format tag: the first key of the report. */
export const VERSION_REPORT_FORMAT = 'lingering-version/v1';

/** The report. */
export const VersionReportSchema = z.strictObject({
  format: z.literal(VERSION_REPORT_FORMAT),
  name: z.literal('lingering'),
  version: z.string(),
});

/** The report as the command prints it. */
export type VersionReport = z.output<typeof VersionReportSchema>;
