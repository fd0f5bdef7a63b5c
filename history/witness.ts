/**
 * The smallest sub-history that shows a violation (after Elle's minimal witnesses). For a claim
 * about sums (failures ≤ closes), a sub-history shows the violation only if it keeps every record
 * that helps the claim: dropping a record with more closes than failures could fake a violation.
 * So the witness keeps all of those, then adds the records with more failures than closes,
 * largest first, until the failures exceed the closes; records with as many of each are left out.
 */
import type { HistoryRecord } from './History.js';

/** A witness: its records in history order, the polls they come from, and their sums. */
export interface Witness {
  readonly polls: readonly number[];
  readonly records: readonly HistoryRecord[];
  readonly closes: number;
  readonly failures: number;
}

const byPoll = (a: HistoryRecord, b: HistoryRecord) => a.poll - b.poll;

/** The witness made of `records`. */
export function witnessOf(records: readonly HistoryRecord[]): Witness {
  const sorted = [...records].sort(byPoll);
  return {
    polls: [...new Set(sorted.map((r) => r.poll))],
    records: sorted,
    closes: sorted.reduce((s, r) => s + r.lastTcpClosed, 0),
    failures: sorted.reduce((s, r) => s + r.failureCount, 0),
  };
}

/**
 * The fewest records of `records` whose failures exceed their closes while keeping every record
 * that ships more closes than failures; null when even all of them do not exceed.
 *
 * @example
 * sumWitness([close1fail1AtPoll1, fail1AtPoll2, fail1AtPoll3]).polls //=> [1, 2]
 */
export function sumWitness(records: readonly HistoryRecord[]): Witness | null {
  const net = (r: HistoryRecord) => r.failureCount - r.lastTcpClosed;
  const kept = records.filter((r) => net(r) < 0);
  let sum = kept.reduce((s, r) => s + net(r), 0);
  const helpers = records.filter((r) => net(r) > 0).sort((a, b) => net(b) - net(a) || byPoll(a, b));
  const chosen = [...kept];
  for (const r of helpers) {
    if (sum > 0) break;
    chosen.push(r);
    sum += net(r);
  }
  return sum > 0 ? witnessOf(chosen) : null;
}

/**
 * The fewest records whose closes add up to at least 2 (the connection was shipped closed twice).
 *
 * @example
 * twiceClosedWitness([close1AtPoll1, close1AtPoll4]).polls //=> [1, 4]
 */
export function twiceClosedWitness(records: readonly HistoryRecord[]): Witness | null {
  const closing = records
    .filter((r) => r.lastTcpClosed > 0)
    .sort((a, b) => b.lastTcpClosed - a.lastTcpClosed || byPoll(a, b));
  const chosen: HistoryRecord[] = [];
  let closes = 0;
  for (const r of closing) {
    if (closes >= 2) break;
    chosen.push(r);
    closes += r.lastTcpClosed;
  }
  return closes >= 2 ? witnessOf(chosen) : null;
}
