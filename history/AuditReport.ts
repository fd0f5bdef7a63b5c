/**
 * The audit's result as data (docs/formats.md#audit-report; after Elle and Porcupine, results are
 * data first: docs/style.md#results-are-data).
 */
import type { AuditViolation } from './claims/AuditClaim.js';

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
