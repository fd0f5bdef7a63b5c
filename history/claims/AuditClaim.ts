/**
 * The shape of a claim the audit checks on a recorded history (the backend side of
 * docs/semantics.md#invariants, judged from payloads alone): a stable name, the statement reports
 * print, and a pure judge that the audit asks once each poll is in, over what it keeps of each
 * connection or backend (never every record: the history streams by), or of each record as it
 * comes in, and that never throws.
 */
import type { HistoryRecord } from '../History.js';
import type { Witness } from '../witness.js';

/** One violation: where it broke first, why, and the smallest sub-history that shows it. */
export interface AuditViolation {
  readonly claim: string;
  readonly client: string;
  /** The connection's identity, or null for a claim about a whole backend. */
  readonly connection: string | null;
  /** What broke, as people read it: a connection, or the backend. */
  readonly subject: string;
  /** The poll after which the claim first failed. */
  readonly poll: number;
  readonly detail: string;
  readonly witness: Witness;
}

/** Where a connection's finding is: its client, identity and label (a connection or a record). */
interface Where {
  readonly client: string;
  readonly connection: string;
  readonly label: string;
}

/**
 * A finding about one connection.
 *
 * @example
 * connectionFinding('NoLingeringReReport', c, 3, 'closed at poll 1, …', witness).subject //=> c.label
 */
export const connectionFinding = (
  claim: string,
  at: Where,
  poll: number,
  detail: string,
  witness: Witness,
): AuditViolation => ({
  claim,
  client: at.client,
  connection: at.connection,
  subject: at.label,
  poll,
  detail,
  witness,
});

/** What the audit knows of one connection once a poll is in (history/startAudit.ts). */
export interface ConnectionSoFar {
  readonly client: string;
  readonly connection: string;
  readonly label: string;
  /** Its totals over the polls so far. */
  readonly closes: number;
  readonly failures: number;
  /** The polls it shipped in so far, ascending. */
  readonly polls: readonly number[];
  /**
   * Its records so far that ship a close, or more failures than closes, or fewer: every record a
   * witness can need (one with as many of each and no close changes no verdict: history/README.md,
   * "Witnesses").
   */
  readonly kept: readonly HistoryRecord[];
  /** Its first record with a close, if any. */
  readonly firstClose: HistoryRecord | null;
}

/** What the audit knows of one client's backend once a poll is in. */
export interface BackendSoFar {
  readonly client: string;
  readonly closes: number;
  readonly failures: number;
  /** Its records so far with more failures than closes, or fewer: what a sum witness needs. */
  readonly kept: readonly HistoryRecord[];
}

/**
 * A claim about each connection, judged once each poll is in (as the backend receives a payload
 * at once) for every connection the poll shipped, until the connection first breaks it: `shipped`
 * is the connection's records of that poll.
 */
export interface ConnectionClaim {
  readonly scope: 'connection';
  readonly name: string;
  readonly statement: string;
  readonly judge: (
    c: ConnectionSoFar,
    shipped: readonly HistoryRecord[],
    poll: number,
  ) => AuditViolation | null;
}

/**
 * A claim about each client's backend, judged once each of the client's polls is in, until it
 * first breaks; the audit names the subject (`backend`, or `backend of client N` among several).
 */
export interface BackendClaim {
  readonly scope: 'backend';
  readonly name: string;
  readonly statement: string;
  readonly judge: (b: BackendSoFar, poll: number) => Omit<AuditViolation, 'subject'> | null;
}

/**
 * A claim each shipped record keeps or breaks on its own, judged on every record as it comes in,
 * also after a violation: every violation it shows is reported (one per wrapped counter, say).
 */
export interface RecordClaim {
  readonly scope: 'record';
  readonly name: string;
  readonly statement: string;
  /** The record's violations; none is an empty list. */
  readonly judge: (r: HistoryRecord) => readonly AuditViolation[];
}

/** A named claim about a history. */
export type AuditClaim = ConnectionClaim | BackendClaim | RecordClaim;

/** "1 close", "2 closes". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "polls 1–3" / "poll 2" / "polls 1, 4". */
export function pollList(polls: readonly number[]): string {
  if (polls.length === 1) return `poll ${polls[0]}`;
  const contiguous = polls.every((p, i) => i === 0 || p === (polls[i - 1] as number) + 1);
  return contiguous && polls.length > 2
    ? `polls ${polls[0]}–${polls[polls.length - 1]}`
    : `polls ${polls.join(', ')}`;
}
