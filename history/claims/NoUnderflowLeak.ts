/**
 * No shipped `Last` counter is negative (`NoUnderflowLeak` of docs/semantics.md#nounderflowleak,
 * judged on payloads): a uint64 `last*` of 2^63 or more is a difference below zero that wrapped
 * (history/Underflow.ts). Each wrapped counter is a violation of its own, with its record as the
 * witness. Leaves out: "exceeds its monotonic value", as a payload carries no `Monotonic`.
 */
import type { AuditViolation, RecordClaim } from './AuditClaim.js';
import { connectionFinding } from './AuditClaim.js';
import type { HistoryRecord } from '../History.js';
import type { Underflow } from '../Underflow.js';
import { witnessOf } from '../witness.js';
import { NoUnderflowLeak as invariant } from '../../invariants/catalogue/NoUnderflowLeak.js';

const NONE: readonly AuditViolation[] = [];

/** `-1` as people read it: `−1`. */
const negative = (difference: string): string => difference.replace('-', '−');

const violation = (r: HistoryRecord, u: Underflow): AuditViolation =>
  connectionFinding(
    invariant.name,
    r,
    r.poll,
    `${u.field} "${u.value}" at poll ${r.poll}: ${u.value} − 2^64 = ${negative(u.difference)} bytes, a uint64 difference that wrapped (counted as 0)`,
    witnessOf([r]),
  );

export const NoUnderflowLeak = {
  scope: 'record',
  name: invariant.name,
  // Its own statement: a payload shows only the "negative" half of the invariant's.
  statement: 'no shipped Last counter is negative (a uint64 of 2^63 or more wrapped below zero)',
  judge: (r) => (r.underflows === undefined ? NONE : r.underflows.map((u) => violation(r, u))),
} satisfies RecordClaim;
