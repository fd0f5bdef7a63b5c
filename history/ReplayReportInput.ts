/**
 * A replay report (`lingering replay FILE --json`) read back as a history: per poll, the client and
 * the records, each with its tuple and merged flows (docs/environment.md "4-tuple reuse"; an older
 * report without `tuple` gives the cookie's). Leaves out: sums and verdicts (the audit recomputes).
 */
import { z } from 'zod';
import { MAX_CLIENT, MAX_FLOW } from '../engine/events.js';
import { errnoMap, intIn, uint32 } from './counts.js';

/** A count the engine writes as a JSON number: exact up to 2^53 − 1, its real limit. */
const count = intIn(0, Number.MAX_SAFE_INTEGER);
const flow = intIn(1, MAX_FLOW);

/** One shipped record of the report. */
const ReportRecordSchema = z.object({
  flow,
  cookie: count,
  tuple: flow.optional(),
  flows: z.array(flow).min(1).optional(),
  lastTCPClosed: uint32,
  tcpFailures: errnoMap,
  lastSentBytes: count,
  lastRecvBytes: count,
});

/** The report, reduced to its polls. */
export const ReplayReportInputSchema = z.object({
  driver: z.string(),
  agent: z.string(),
  polls: z.array(
    z.object({
      poll: intIn(1, Number.MAX_SAFE_INTEGER),
      client: intIn(1, MAX_CLIENT),
      records: z.array(ReportRecordSchema),
    }),
  ),
});

/** A parsed report. */
export type ReplayReportInput = z.infer<typeof ReplayReportInputSchema>;
