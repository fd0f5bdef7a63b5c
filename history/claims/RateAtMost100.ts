/**
 * The backend's failure rate stays at or below 100%: per client backend, total shipped failures ≤
 * total shipped closes (`RateAtMost100` of docs/semantics.md#rateatmost100, judged on payloads).
 */
import { formatRate } from '../../engine/backend/formatRate.js';
import type { AuditClaim, AuditViolation } from './AuditClaim.js';
import { clientsOf, firstBreak, plural } from './AuditClaim.js';
import { recordsOf } from '../History.js';
import { sumWitness } from '../witness.js';
import { RateAtMost100 as invariant } from '../../invariants/catalogue/RateAtMost100.js';

const percent = (failures: number, closes: number): string =>
  formatRate(closes === 0 ? null : failures / closes, '∞');

export const RateAtMost100 = {
  name: invariant.name,
  statement: invariant.statement,
  check: (history) => {
    const clients = clientsOf(history);
    return clients.flatMap((client): AuditViolation[] => {
      const records = recordsOf(history).filter((r) => r.client === client);
      const poll = firstBreak(records, (t) => t.failures > t.closes);
      if (poll === null) return [];
      const upTo = records.filter((r) => r.poll <= poll);
      const witness = sumWitness(upTo);
      if (witness === null) return [];
      const closes = upTo.reduce((s, r) => s + r.lastTcpClosed, 0);
      const failures = upTo.reduce((s, r) => s + r.failureCount, 0);
      return [
        {
          claim: invariant.name,
          client,
          connection: null,
          subject: clients.length > 1 ? `backend of client ${client}` : 'backend',
          poll,
          detail: `${plural(failures, 'failure')} over ${plural(closes, 'close')} by poll ${poll}: rate ${percent(failures, closes)}`,
          witness,
        },
      ];
    });
  },
} satisfies AuditClaim;
