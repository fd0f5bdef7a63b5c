/**
 * The lingering signature, absent: a connection that has shipped a close never ships again with
 * failures and no close (what a flow stranded in `openFlows` does under the agent before PR #50823
 * whenever its bytes move; docs/semantics.md#the-bug-poll-by-poll).
 */
import type { ConnectionClaim } from './AuditClaim.js';
import { connectionFinding } from './AuditClaim.js';
import { witnessOf } from '../witness.js';

const errnos = (f: Readonly<Record<string, number>>): string =>
  `{${Object.entries(f)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ')}}`;

export const NoLingeringReReport = {
  scope: 'connection',
  name: 'NoLingeringReReport',
  statement: 'a connection that shipped a close never ships again with failures and no close',
  judge: (c, shipped) => {
    const close = c.firstClose;
    if (close === null) return null;
    const again = shipped.find(
      (r) => r.poll > close.poll && r.lastTcpClosed === 0 && r.failureCount > 0,
    );
    if (again === undefined) return null;
    const detail = `closed at poll ${close.poll}, shipped again at poll ${again.poll} with failures ${errnos(again.failures)} and no close`;
    return connectionFinding(
      'NoLingeringReReport',
      c,
      again.poll,
      detail,
      witnessOf([close, again]),
    );
  },
} satisfies ConnectionClaim;
