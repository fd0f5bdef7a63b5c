/**
 * The shape of a claim the audit checks on a recorded history (the backend side of
 * docs/semantics.md#invariants, judged from payloads alone): a stable name, the statement reports
 * print, and a pure check that returns every violation, each with its minimal witness, and never
 * throws.
 */
import type { History, HistoryRecord } from '../History.js';
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

/** A named claim about a history. */
export interface AuditClaim {
  readonly name: string;
  readonly statement: string;
  readonly check: (history: History) => readonly AuditViolation[];
}

/** One connection's records, in history order. */
export interface ConnectionRecords {
  readonly client: string;
  readonly connection: string;
  readonly label: string;
  readonly records: readonly HistoryRecord[];
}

/**
 * The history's records grouped by client and connection, in order of first appearance.
 *
 * @example
 * byConnection(history).map((c) => c.label) //=> ['connection 1', 'connection 2']
 */
export function byConnection(history: History): readonly ConnectionRecords[] {
  const groups = new Map<
    string,
    { client: string; connection: string; label: string; records: HistoryRecord[] }
  >();
  for (const poll of history.polls) {
    for (const r of poll.records) {
      const key = `${r.client}\u0000${r.connection}`;
      const g = groups.get(key) ?? {
        client: r.client,
        connection: r.connection,
        label: r.label,
        records: [],
      };
      g.records.push(r);
      groups.set(key, g);
    }
  }
  return [...groups.values()];
}

/** The clients of a history, in order of first poll. */
export const clientsOf = (history: History): readonly string[] => [
  ...new Set(history.polls.map((p) => p.client)),
];

/** The polls (numbers) in which `records` appear, ascending. */
export const pollsIn = (records: readonly HistoryRecord[]): readonly number[] => [
  ...new Set(records.map((r) => r.poll)),
];

/**
 * The first poll, in `records`' order, after which `sums` (running totals over the records up to
 * and including that poll) satisfy `broken`; null when they never do.
 */
export function firstBreak(
  records: readonly HistoryRecord[],
  broken: (totals: { readonly closes: number; readonly failures: number }) => boolean,
): number | null {
  let closes = 0;
  let failures = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as HistoryRecord;
    closes += r.lastTcpClosed;
    failures += r.failureCount;
    // Judged once the whole poll is in, as the backend receives a payload at once.
    const next = records[i + 1];
    if (next !== undefined && next.poll === r.poll) continue;
    if (broken({ closes, failures })) return r.poll;
  }
  return null;
}

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
