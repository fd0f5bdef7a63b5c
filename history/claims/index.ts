/**
 * The claims `lingering audit` checks, in the order of docs/semantics.md#invariants, then the
 * lingering signature.
 */
import type { AuditClaim } from './AuditClaim.js';
import { CloseReportedOnce } from './CloseReportedOnce.js';
import { FailuresWithinCloses } from './FailuresWithinCloses.js';
import { NoLingeringReReport } from './NoLingeringReReport.js';
import { NoUnderflowLeak } from './NoUnderflowLeak.js';
import { RateAtMost100 } from './RateAtMost100.js';

/** Every audit claim. */
export const auditClaims: readonly AuditClaim[] = [
  FailuresWithinCloses,
  RateAtMost100,
  CloseReportedOnce,
  NoUnderflowLeak,
  NoLingeringReReport,
];
