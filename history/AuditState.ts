/**
 * What the audit keeps of each backend while the history streams by (history/startAudit.ts; each
 * connection's is in history/ConnectionTable.ts): the totals and only the records a witness can
 * hold. Totals are doubles, exact up to 2^53 − 1: a total past that is refused (TraceError), not
 * rounded.
 */
import { TraceError } from '../engine/errors/TraceError.js';
import type { BackendSoFar } from './claims/AuditClaim.js';
import type { BackendSums } from './AuditReport.js';
import type { HistoryRecord } from './History.js';

const NONE: readonly HistoryRecord[] = [];

/**
 * `total + n`, or a TraceError naming the record's source and the subject when it passes 2^53 − 1
 * (past it a double skips integers, and sums would silently go wrong).
 *
 * @example
 * checkedSum(1, 2, record, 'connection 1', 'closes', 'per connection') //=> 3
 */
export function checkedSum(
  total: number,
  n: number,
  r: HistoryRecord,
  subject: string,
  what: string,
  per: string,
): number {
  const sum = total + n;
  if (sum > Number.MAX_SAFE_INTEGER)
    throw new TraceError(
      `${r.source}: ${subject}`,
      `${n} more ${what} on top of ${total}, past 2^53 − 1`,
      `at most ${Number.MAX_SAFE_INTEGER} (2^53 − 1) ${what} ${per} over the history`,
    );
  return sum;
}

/** Which claims (by index) a subject has broken; once it has broken all its own, nothing kept. */
class Broken {
  protected bits = 0;
  // Methods, not arrow fields: a field would cost two closures per connection.
  breaks(k: number): boolean {
    return (this.bits & (1 << k)) !== 0;
  }
  broke(k: number): void {
    this.bits |= 1 << k;
  }
}

/** One client's backend. */
export class BackendState extends Broken implements BackendSoFar {
  readonly client: string;
  /** Its place in order of first poll. */
  readonly rank: number;
  closes = 0;
  failures = 0;
  private keptRecords: HistoryRecord[] | null = [];

  constructor(client: string, rank: number) {
    super();
    this.client = client;
    this.rank = rank;
  }

  get kept(): readonly HistoryRecord[] {
    return this.keptRecords ?? NONE;
  }

  add(r: HistoryRecord): void {
    const subject = `backend of client ${this.client}`;
    this.closes = checkedSum(this.closes, r.lastTcpClosed, r, subject, 'closes', 'per backend');
    this.failures = checkedSum(
      this.failures,
      r.failureCount,
      r,
      subject,
      'failures',
      'per backend',
    );
    if (r.failureCount !== r.lastTcpClosed) this.keptRecords?.push(r);
  }

  /** Lets go of the records kept for witnesses, once no claim will judge the backend again. */
  forget(): void {
    this.keptRecords = null;
  }

  sums(): BackendSums {
    const { client, closes, failures } = this;
    return { client, closes, failures, rate: closes === 0 ? null : failures / closes };
  }
}
