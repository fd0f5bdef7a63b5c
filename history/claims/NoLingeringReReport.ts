/**
 * The lingering signature, absent: a connection that has shipped a close never ships again with
 * failures and no close (what a flow stranded in `openFlows` does under the agent before PR #50823
 * whenever its bytes move; docs/semantics.md#the-bug-poll-by-poll).
 */
import type { AuditClaim, AuditViolation } from './AuditClaim.js';
import { byConnection } from './AuditClaim.js';
import type { HistoryRecord } from '../History.js';
import { witnessOf } from '../witness.js';

const errnos = (f: Readonly<Record<string, number>>): string =>
  `{${Object.entries(f)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ')}}`;

export const NoLingeringReReport = {
  name: 'NoLingeringReReport',
  statement: 'a connection that shipped a close never ships again with failures and no close',
  check: (history) =>
    byConnection(history).flatMap((c): AuditViolation[] => {
      const close = c.records.find((r) => r.lastTcpClosed > 0);
      if (close === undefined) return [];
      const again = c.records.find(
        (r: HistoryRecord) => r.poll > close.poll && r.lastTcpClosed === 0 && r.failureCount > 0,
      );
      if (again === undefined) return [];
      return [
        {
          claim: 'NoLingeringReReport',
          client: c.client,
          connection: c.connection,
          subject: c.label,
          poll: again.poll,
          detail: `closed at poll ${close.poll}, shipped again at poll ${again.poll} with failures ${errnos(again.failures)} and no close`,
          witness: witnessOf([close, again]),
        },
      ];
    }),
} satisfies AuditClaim;
