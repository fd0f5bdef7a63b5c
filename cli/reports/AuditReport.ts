/**
 * `lingering audit FILE... --json` (docs/formats.md#audit-report): each claim's verdict with its
 * violations and their smallest witnesses, then a summary per connection (history/AuditReport.ts).
 */
import { z } from 'zod';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const AUDIT_REPORT_FORMAT = 'lingering-audit-report/v1';

const count = z.number().int().min(0);
const poll = z.number().int().min(1);
const decimal = z.string().regex(/^-?\d+$/);

/** One shipped record, as a witness holds it (history/History.ts). */
const record = z.strictObject({
  poll,
  client: z.string(),
  connection: z.string(),
  label: z.string(),
  flows: z.array(z.number().int().min(1)).optional(),
  lastTcpClosed: count,
  failures: z.record(decimal, count),
  failureCount: count,
  lastBytesSent: count,
  lastBytesReceived: count,
  source: z.string(),
  underflows: z
    .array(z.strictObject({ field: z.string(), value: decimal, difference: decimal }))
    .optional(),
});

const violation = z.strictObject({
  claim: z.string(),
  client: z.string(),
  connection: z.string().nullable(),
  subject: z.string(),
  poll,
  detail: z.string(),
  witness: z.strictObject({
    polls: z.array(poll),
    records: z.array(record),
    closes: count,
    failures: count,
  }),
});

/** The report. */
export const AuditReportSchema = z.strictObject({
  format: z.literal(AUDIT_REPORT_FORMAT),
  files: z.array(z.string()),
  polls: count,
  records: count,
  backends: z.array(
    z.strictObject({
      client: z.string(),
      closes: count,
      failures: count,
      rate: z.number().min(0).nullable(),
    }),
  ),
  claims: z.array(
    z.strictObject({
      name: z.string(),
      statement: z.string(),
      verdict: z.enum(['holds', 'violated']),
      violations: z.array(violation),
    }),
  ),
  connections: z.array(
    z.strictObject({
      client: z.string(),
      connection: z.string(),
      label: z.string(),
      flows: z.array(z.number().int().min(1)),
      records: count,
      firstPoll: poll,
      lastPoll: poll,
      closes: count,
      failures: count,
      bytesSent: count,
      bytesReceived: count,
      violated: z.array(z.string()),
    }),
  ),
});

/** The report as the command prints it. */
export type AuditReportJson = DeepReadonly<z.output<typeof AuditReportSchema>>;
