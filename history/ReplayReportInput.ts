/**
 * The replay report of SPEC 3.2 (`lingering replay FILE --json`) read back as a history: per
 * poll, the client that polled and the shipped records. Only these fields are checked; the rest
 * of the report (backend sums, telemetry, verdicts) is ignored, since the audit recomputes it.
 */
import { z } from 'zod';

const count = z.number().int().min(0);

/** One shipped record of the report. */
export const ReportRecordSchema = z.object({
  flow: z.number().int().min(1),
  cookie: count,
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
