/**
 * `lingering audit FILE... [--json]`: checks a recorded history of agent payloads offline (the
 * backend-side claims: failures within closes per connection, rate ≤ 100%, each connection
 * closed once, no re-report with failures after a close) and prints each violation with its
 * minimal witness, then a summary per connection. Exit 1 when a claim is violated, 0 when none,
 * 2 on bad input.
 */
import { readFileSync, statSync } from 'node:fs';
import { TraceError } from '../engine/errors/TraceError.js';
import { auditHistory, hasViolation } from '../history/auditHistory.js';
import { formatAudit } from '../history/formatAudit.js';
import { ACCEPTED, parseHistory } from '../history/parseHistory.js';
import { flag, parse, UsageError } from './args.js';
import type { Io } from './io.js';

/** Largest history file accepted, in bytes. */
const MAX_BYTES = 64 * 1024 * 1024;

function readHistoryFile(path: string): string {
  try {
    if (statSync(path).size > MAX_BYTES)
      throw new TraceError(path, 'a file over 64 MiB', 'a history file up to 64 MiB');
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof TraceError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TraceError(
      path,
      code === 'ENOENT' ? 'no such file' : `an unreadable file (${code})`,
      ACCEPTED,
    );
  }
}

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
