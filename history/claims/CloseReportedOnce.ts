/**
 * No connection (tuple, as the backend keys it) is shipped closed twice to one backend: the half of
 * `CloseReportedOnce` payloads can show. Leaves out: a close never shipped; a reused tuple or a
 * client re-created after expiry reads as closed twice (docs/environment.md), flows named if known.
 */
import type { ConnectionClaim } from './AuditClaim.js';
import { connectionFinding } from './AuditClaim.js';
import type { HistoryRecord } from '../History.js';
import { twiceClosedWitness } from '../witness.js';
import { CloseReportedOnce as invariant } from '../../invariants/catalogue/CloseReportedOnce.js';

/** `; flows 1, 3` when the records say which flows shipped them. */
const flowsOf = (records: readonly HistoryRecord[]): string => {
  const flows = [...new Set(records.flatMap((r) => r.flows ?? []))];
  return flows.length === 0 ? '' : `; ${flows.length === 1 ? 'flow' : 'flows'} ${flows.join(', ')}`;
};

export const CloseReportedOnce = {
  scope: 'connection',
  name: invariant.name,
  // Its own statement: payloads show only the "at most" half of the invariant's, per tuple.
  statement: 'no connection is shipped closed twice (at most 1 close per connection)',
  judge: (c, _shipped, poll) => {
    if (c.closes <= 1) return null;
    // Every record with a close so far is kept.
    const witness = twiceClosedWitness(c.kept);
    if (witness === null) return null;
    const detail = `shipped closed ${witness.closes} times (polls ${witness.polls.join(', ')}${flowsOf(witness.records)})`;
    return connectionFinding(invariant.name, c, poll, detail, witness);
  },
} satisfies ConnectionClaim;
