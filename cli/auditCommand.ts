/**
 * `lingering audit FILE... [--json]`: checks a recorded history of agent payloads offline (the
 * backend-side claims: failures within closes per connection, rate ≤ 100%, each connection
 * closed once, no byte count that wrapped below zero, no re-report with failures after a close)
 * and prints each violation with its minimal witness, then a summary per connection. Exit 1 when
 * a claim is violated, 0 when none, 2 on bad input. The files are read poll by poll into the
 * audit (history/readHistoryFile.ts, history/startAudit.ts), so a history of JSON lines of any
 * length takes memory for its connections only; the text is written in chunks (lib/chunkedWriter.ts)
 * as it is formatted.
 */
import { hasViolation } from '../history/auditHistory.js';
import { auditLines } from '../history/formatAudit.js';
import { readHistoryFile } from '../history/readHistoryFile.js';
import { startAudit } from '../history/startAudit.js';
import { chunkedWriter } from '../lib/chunkedWriter.js';
import { flag, parse } from './args.js';
import { auditSpec } from './specs/auditSpec.js';
import type { Io } from './io.js';
import type { AuditReportJson } from './reports/AuditReport.js';
import { AUDIT_REPORT_FORMAT } from './reports/AuditReport.js';

/** Writes `lines` through a chunked writer: few writes, and no text of a million rows held. */
function writeLines(io: Io, lines: Iterable<string>): void {
  const out = chunkedWriter(io.out);
  for (const line of lines) out.write(`${line}\n`);
  out.end();
}

/** Runs `audit`; returns the exit status. */
export function auditCommand(argv: readonly string[], io: Io): number {
  const p = parse(auditSpec, argv);
  const files = p.positionals;
  const run = startAudit();
  let next = 1;
  for (const file of files) next += readHistoryFile(file, next, run.add);
  const json = flag(p, 'json');
  // Text: the summaries are made row by row as they are written, never all held at once.
  const report = run.finish(files, json);
  if (json)
    io.out(
      `${JSON.stringify({ format: AUDIT_REPORT_FORMAT, ...report } satisfies AuditReportJson, null, 2)}\n`,
    );
  else writeLines(io, auditLines(report, `audit ${files.join(' ')}`, run.summaries()));
  return hasViolation(report) ? 1 : 0;
}
