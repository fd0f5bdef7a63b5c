/**
 * Per connection, the failures shipped to a backend never exceed the closes shipped to it
 * (docs/semantics.md#failureswithincloses, judged on payloads): a connection fails at most once per
 * close.
 */
import type { ConnectionClaim } from './AuditClaim.js';
import { connectionFinding, plural, pollList } from './AuditClaim.js';
import { sumWitness } from '../witness.js';
import { FailuresWithinCloses as invariant } from '../../invariants/catalogue/FailuresWithinCloses.js';

export const FailuresWithinCloses = {
  scope: 'connection',
  name: invariant.name,
  statement: invariant.statement,
  judge: (c, _shipped, poll) => {
    if (c.failures <= c.closes) return null;
    // Every record so far that can tip the sums is kept: the witness is drawn from those.
    const witness = sumWitness(c.kept);
    if (witness === null) return null;
    const detail = `${plural(c.failures, 'failure')} shipped, ${plural(c.closes, 'close')}, by poll ${poll} (${pollList(c.polls)})`;
    return connectionFinding(invariant.name, c, poll, detail, witness);
  },
} satisfies ConnectionClaim;
