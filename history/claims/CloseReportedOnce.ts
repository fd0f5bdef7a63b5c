/**
 * No connection is shipped closed twice to one backend: the half of SPEC 2.4's
 * `CloseReportedOnce` ("exactly 1") that payloads can show. A close that never ships looks, from
 * the payloads, like a connection that is still open.
 */
import type { AuditClaim, AuditViolation } from './AuditClaim.js';
import { byConnection, firstBreak } from './AuditClaim.js';
import { twiceClosedWitness } from '../witness.js';

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
          detail: `shipped closed ${witness.closes} times (polls ${witness.polls.join(', ')})`,
          witness,
        },
      ];
    }),
} satisfies AuditClaim;
