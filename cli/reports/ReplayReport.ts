/**
 * `lingering replay FILE --json` (docs/formats.md#replay-report): per poll, the shipped records,
 * the backend's sums and the telemetry; then every invariant's verdict (checking/replayReport.ts).
 * `audit` reads such a report back as a history (history/ReplayReportInput.ts).
 */
import { z } from 'zod';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const REPLAY_REPORT_FORMAT = 'lingering-replay-report/v1';

const count = z.number().int().min(0);
const positive = z.number().int().min(1);

/** errno (a decimal string) → count. */
const failures = z.record(z.string().regex(/^\d+$/), count);

const record = z.strictObject({
  flow: positive,
  cookie: count,
  tuple: positive,
  flows: z.array(positive).min(1),
  lastTCPClosed: count,
  tcpFailures: failures,
  lastSentBytes: count,
  lastRecvBytes: count,
});

/** One completed poll (checking/replayReport.ts `ReportPoll`); the picture's polls too. */
export const ReportPollSchema = z.strictObject({
  poll: positive,
  client: positive,
  event: positive,
  records: z.array(record),
  backend: z.strictObject({ closes: count, failures: count, rate: z.number().min(0).nullable() }),
  telemetry: z.strictObject({
    stats_underflows: count,
    windows_lingering_flows: count,
    conn_dropped: count,
    closed_conn_dropped: count,
    stats_cookie_collisions: count,
  }),
});

const verdict = z.strictObject({
  name: z.string(),
  statement: z.string(),
  when: z.enum(['everyStep', 'quiescence']),
  verdict: z.enum(['holds', 'violated']),
  step: positive.optional(),
  subject: z.string().optional(),
  detail: z.string().optional(),
});

/** The report. */
export const ReplayReportSchema = z.strictObject({
  format: z.literal(REPLAY_REPORT_FORMAT),
  driver: z.string(),
  agent: z.string(),
  layers: positive,
  clients: positive,
  events: count,
  polls: z.array(ReportPollSchema),
  closeOutEvents: count,
  invariants: z.array(verdict),
});

/** The report as the command prints it. */
export type ReplayReportJson = DeepReadonly<z.output<typeof ReplayReportSchema>>;
