/**
 * `lingering audit FILE... [--json]`: checks a recorded history of agent payloads offline (the
 * backend-side claims: failures within closes per connection, rate ≤ 100%, each connection
 * closed once, no re-report with failures after a close) and prints each violation with its
 * minimal witness, then a summary per connection. Exit 1 when a claim is violated, 0 when none,
 * 2 on bad input.
 */
import { readInputFile } from '../engine/readInputFile.js';
import { auditHistory, hasViolation } from '../history/auditHistory.js';
import { formatAudit } from '../history/formatAudit.js';
import { ACCEPTED, parseHistory } from '../history/parseHistory.js';
import { flag, parse, UsageError } from './args.js';
import type { Io } from './io.js';

/** Largest history file accepted, in bytes. */
const MAX_BYTES = 64 * 1024 * 1024;

const readHistoryFile = (path: string): string =>
  readInputFile(path, { maxBytes: MAX_BYTES, what: 'a history file', accepted: ACCEPTED });

/** Runs `audit`; returns the exit status. */
export function auditCommand(argv: readonly string[], io: Io): number {
  const p = parse('audit', argv, { json: { type: 'boolean' } });
  const files = p.positionals;
  if (files.length === 0)
    throw new UsageError('audit', 'no FILE', `one or more files, each ${ACCEPTED}`);
  const history = parseHistory(files, files.map(readHistoryFile));
  const report = auditHistory(history);
  io.out(
    flag(p, 'json')
      ? `${JSON.stringify(report, null, 2)}\n`
      : formatAudit(report, `audit ${files.join(' ')}`),
  );
  return hasViolation(report) ? 1 : 0;
}
