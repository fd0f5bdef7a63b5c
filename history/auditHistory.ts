/**
 * Audits a recorded history offline: every claim of `claims/` with its violations and minimal
 * witnesses, the backend's sums per client, and a summary per connection
 * (docs/formats.md#audit-report; after Elle and Porcupine, results are data first:
 * docs/style.md#results-are-data).
 */
import type { AuditClaim, AuditViolation } from './claims/AuditClaim.js';
import { byConnection, clientsOf } from './claims/AuditClaim.js';
import { auditClaims } from './claims/index.js';
import type { History } from './History.js';
import { recordsOf } from './History.js';

/** One claim's verdict. */
export interface ClaimVerdict {
  readonly name: string;
  readonly statement: string;
  readonly verdict: 'holds' | 'violated';
  readonly violations: readonly AuditViolation[];
}

/** What one connection shipped over the whole history. */
export interface ConnectionSummary {
  readonly client: string;
  readonly connection: string;
  readonly label: string;
  /** The engine flows that shipped under it, ascending (replay reports only; else empty). */
  readonly flows: readonly number[];
  /** Polls it shipped in. */
  readonly records: number;
  readonly firstPoll: number;
  readonly lastPoll: number;
  readonly closes: number;
  readonly failures: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  /** The claims it breaks. */
  readonly violated: readonly string[];
}

/** One backend's sums at the end of the history. */
export interface BackendSums {
  readonly client: string;
  readonly closes: number;
  readonly failures: number;
  /** failures / closes, null while no close has shipped. */
  readonly rate: number | null;
}

/** The audit. */
export interface AuditReport {
  readonly files: readonly string[];
  readonly polls: number;
  readonly records: number;
  readonly backends: readonly BackendSums[];
  readonly claims: readonly ClaimVerdict[];
  readonly connections: readonly ConnectionSummary[];
}

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
  const verdicts = claims.map((claim): ClaimVerdict => {
    const violations = claim.check(history);
    return {
      name: claim.name,
      statement: claim.statement,
      verdict: violations.length > 0 ? 'violated' : 'holds',
      violations,
    };
  });
  const all = recordsOf(history);
  const backends = clientsOf(history).map((client): BackendSums => {
    const mine = all.filter((r) => r.client === client);
    const closes = mine.reduce((s, r) => s + r.lastTcpClosed, 0);
    const failures = mine.reduce((s, r) => s + r.failureCount, 0);
    return { client, closes, failures, rate: closes === 0 ? null : failures / closes };
  });
  const connections = byConnection(history).map((c): ConnectionSummary => ({
    client: c.client,
    connection: c.connection,
    label: c.label,
    flows: [...new Set(c.records.flatMap((r) => r.flows ?? []))].sort((a, b) => a - b),
    records: c.records.length,
    firstPoll: c.records[0]?.poll ?? 0,
    lastPoll: c.records[c.records.length - 1]?.poll ?? 0,
    closes: c.records.reduce((s, r) => s + r.lastTcpClosed, 0),
    failures: c.records.reduce((s, r) => s + r.failureCount, 0),
    bytesSent: c.records.reduce((s, r) => s + r.lastBytesSent, 0),
    bytesReceived: c.records.reduce((s, r) => s + r.lastBytesReceived, 0),
    violated: verdicts
      .filter((v) =>
        v.violations.some((x) => x.client === c.client && x.connection === c.connection),
      )
      .map((v) => v.name),
  }));
  return {
    files: history.files,
    polls: history.polls.length,
    records: all.length,
    backends,
    claims: verdicts,
    connections,
  };
}

/** True when some claim is violated. */
export const hasViolation = (report: AuditReport): boolean =>
  report.claims.some((c) => c.verdict === 'violated');
