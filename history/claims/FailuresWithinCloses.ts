/**
 * Per connection, the failures shipped to a backend never exceed the closes shipped to it
 * (docs/semantics.md#failureswithincloses, judged on payloads): a connection fails at most once per
 * close.
 */
import type { AuditClaim, AuditViolation } from './AuditClaim.js';
import { byConnection, firstBreak, plural, pollList, pollsIn } from './AuditClaim.js';
import { sumWitness } from '../witness.js';
import { FailuresWithinCloses as invariant } from '../../invariants/catalogue/FailuresWithinCloses.js';

export const FailuresWithinCloses = {
  name: invariant.name,
  statement: invariant.statement,
  check: (history) =>
    byConnection(history).flatMap((c): AuditViolation[] => {
      const poll = firstBreak(c.records, (t) => t.failures > t.closes);
      if (poll === null) return [];
      const upTo = c.records.filter((r) => r.poll <= poll);
      const witness = sumWitness(upTo);
      if (witness === null) return [];
      const closes = upTo.reduce((s, r) => s + r.lastTcpClosed, 0);
      const failures = upTo.reduce((s, r) => s + r.failureCount, 0);
      return [
        {
          claim: invariant.name,
          client: c.client,
          connection: c.connection,
          subject: c.label,
          poll,
          detail: `${plural(failures, 'failure')} shipped, ${plural(closes, 'close')}, by poll ${poll} (${pollList(pollsIn(upTo))})`,
          witness,
        },
      ];
    }),
} satisfies AuditClaim;
