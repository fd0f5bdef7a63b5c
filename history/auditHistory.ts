/**
 * Audits a recorded history offline: every claim of `claims/` with its violations and minimal
 * witnesses, the backend's sums per client, and a summary per connection
 * (docs/formats.md#audit-report; after Elle and Porcupine, results are data first:
 * docs/style.md#results-are-data).
 */
import type { AuditReport } from './AuditReport.js';
import type { AuditClaim } from './claims/AuditClaim.js';
import { auditClaims } from './claims/index.js';
import type { History } from './History.js';
import { startAudit } from './startAudit.js';

/**
 * Audits `history` against `claims` (all by default).
 *
 * @example
 * auditHistory(parseHistory(['pr.jsonl'], [text])).claims.find((c) => c.name === 'RateAtMost100')?.verdict
 * //=> 'violated'
 */
export function auditHistory(
  history: History,
  claims: readonly AuditClaim[] = auditClaims,
): AuditReport {
  const run = startAudit(claims);
  for (const poll of history.polls) run.add(poll);
  return run.finish(history.files);
}

/** True when some claim is violated. */
export const hasViolation = (report: AuditReport): boolean =>
  report.claims.some((c) => c.verdict === 'violated');
