/**
 * A replay report (`lingering replay FILE --json`) read back as a history: per poll, the client and
 * the records, each with its tuple and merged flows (docs/environment.md "4-tuple reuse"; an older
 * report without `tuple` gives the cookie's). Leaves out: sums and verdicts (the audit recomputes).
 */
import { z } from 'zod';

const count = z.number().int().min(0);

/** One shipped record of the report. */
const ReportRecordSchema = z.object({
  flow: z.number().int().min(1),
  cookie: count,
  tuple: z.number().int().min(1).optional(),
  flows: z.array(z.number().int().min(1)).min(1).optional(),
  lastTCPClosed: count,
  tcpFailures: z.record(z.string().regex(/^\d+$/, 'an errno'), count),
  lastSentBytes: count,
  lastRecvBytes: count,
});

/** The report, reduced to its polls. */
export const ReplayReportInputSchema = z.object({
  driver: z.string(),
  agent: z.string(),
  polls: z.array(
    z.object({
      poll: z.number().int().min(1),
      client: z.number().int().min(1),
      records: z.array(ReportRecordSchema),
    }),
  ),
});

/** A parsed report. */
export type ReplayReportInput = z.infer<typeof ReplayReportInputSchema>;
