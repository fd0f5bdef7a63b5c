/**
 * No connection is shipped closed twice to one backend: the half of SPEC 2.4's
 * `CloseReportedOnce` ("exactly 1") that payloads can show, judged per tuple as the backend keys
 * connections. A close that never ships looks, from the payloads, like a connection that is still
 * open; two connections of one reused tuple, or a close re-shipped to a client re-created after
 * it expired, read as one connection closed twice (docs/environment.md): the detail names the
 * flows when the history knows them.
 */
import type { AuditClaim, AuditViolation } from './AuditClaim.js';
import { byConnection, firstBreak } from './AuditClaim.js';
import type { HistoryRecord } from '../History.js';
import { twiceClosedWitness } from '../witness.js';

/** `; flows 1, 3` when the records say which flows shipped them. */
const flowsOf = (records: readonly HistoryRecord[]): string => {
  const flows = [...new Set(records.flatMap((r) => r.flows ?? []))];
  return flows.length === 0 ? '' : `; ${flows.length === 1 ? 'flow' : 'flows'} ${flows.join(', ')}`;
};

export const CloseReportedOnce = {
  name: 'CloseReportedOnce',
  statement: 'no connection is shipped closed twice (at most 1 close per connection)',
  check: (history) =>
    byConnection(history).flatMap((c): AuditViolation[] => {
      const poll = firstBreak(c.records, (t) => t.closes > 1);
      if (poll === null) return [];
      const witness = twiceClosedWitness(c.records.filter((r) => r.poll <= poll));
      if (witness === null) return [];
      return [
        {
          claim: 'CloseReportedOnce',
          client: c.client,
          connection: c.connection,
          subject: c.label,
          poll,
          detail: `shipped closed ${witness.closes} times (polls ${witness.polls.join(', ')}${flowsOf(witness.records)})`,
          witness,
        },
      ];
    }),
} satisfies AuditClaim;
