/**
 * What the audit keeps of each connection and each backend while the history streams by
 * (history/startAudit.ts): the totals, the polls, and only the records a witness can hold. Totals
 * are doubles, exact up to 2^53 − 1: a total past that is refused (TraceError), not rounded.
 */
import { TraceError } from '../engine/errors/TraceError.js';
import type { AuditClaim, BackendSoFar, ConnectionSoFar } from './claims/AuditClaim.js';
import type { BackendSums, ConnectionSummary } from './AuditReport.js';
import type { HistoryRecord } from './History.js';

const NONE: readonly HistoryRecord[] = [];
// Shared by every summary with no flows or no broken claim: a million connections, no arrays.
const NO_FLOWS: readonly number[] = Object.freeze([]);
const NO_CLAIMS: readonly string[] = Object.freeze([]);

/**
 * `total + n`, or a TraceError naming the record's source and the subject when it passes 2^53 − 1
 * (past it a double skips integers, and sums would silently go wrong).
 *
 * @example
 * checkedSum(1, 2, record, 'connection 1', 'closes', 'per connection') //=> 3
 */
function checkedSum(
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

/** One connection (client and tuple). */
export class ConnectionState extends Broken implements ConnectionSoFar {
  readonly client: string;
  readonly connection: string;
  readonly label: string;
  /** Its place in order of first appearance. */
  readonly rank: number;
  closes = 0;
  failures = 0;
  private bytesSent = 0;
  private bytesReceived = 0;
  private records = 0;
  private readonly firstPoll: number;
  private lastPoll: number;
  /** Every poll, once there are more than two (most connections ship in one or two). */
  private more: number[] | null = null;
  private keptRecords: HistoryRecord[] | null = null;
  private forgotten = false;
  firstClose: HistoryRecord | null = null;
  private flows: number[] | null = null;

  constructor(first: HistoryRecord, rank: number) {
    super();
    this.client = first.client;
    this.connection = first.connection;
    // A payload's label is the start of its key: a slice of it costs a pointer, not a copy.
    this.label = first.connection.startsWith(first.label)
      ? first.connection.slice(0, first.label.length)
      : first.label;
    this.rank = rank;
    this.firstPoll = first.poll;
    this.lastPoll = first.poll;
  }

  get polls(): readonly number[] {
    if (this.more !== null) return this.more;
    return this.firstPoll === this.lastPoll ? [this.firstPoll] : [this.firstPoll, this.lastPoll];
  }

  get kept(): readonly HistoryRecord[] {
    return this.keptRecords ?? NONE;
  }

  /** Adds `r`; returns it as kept (sharing this connection's strings) for the backend to keep. */
  add(r: HistoryRecord): HistoryRecord {
    if (r.poll !== this.lastPoll) {
      if (this.more !== null) this.more.push(r.poll);
      else if (this.firstPoll !== this.lastPoll)
        this.more = [this.firstPoll, this.lastPoll, r.poll];
      this.lastPoll = r.poll;
    }
    this.records += 1;
    const sum = (total: number, n: number, what: string) =>
      checkedSum(total, n, r, this.label, what, 'per connection');
    this.closes = sum(this.closes, r.lastTcpClosed, 'closes');
    this.failures = sum(this.failures, r.failureCount, 'failures');
    this.bytesSent = sum(this.bytesSent, r.lastBytesSent, 'bytes sent');
    this.bytesReceived = sum(this.bytesReceived, r.lastBytesReceived, 'bytes received');
    if (r.flows !== undefined)
      for (const f of r.flows) if (!(this.flows ??= []).includes(f)) this.flows.push(f);
    const closes = r.lastTcpClosed > 0;
    if (!closes && r.failureCount === 0) return r;
    // Kept with this connection's strings, not the record's own copies of them.
    const kept = { ...r, connection: this.connection, label: this.label };
    if (closes && this.firstClose === null) this.firstClose = kept;
    if (!this.forgotten && (closes || r.failureCount !== r.lastTcpClosed))
      (this.keptRecords ??= []).push(kept);
    return kept;
  }

  /** Lets go of the records kept for witnesses, once no claim will judge the connection again. */
  forget(): void {
    this.forgotten = true;
    this.keptRecords = null;
    this.more = null;
  }

  summary(claims: readonly AuditClaim[]): ConnectionSummary {
    return {
      client: this.client,
      connection: this.connection,
      label: this.label,
      flows: this.flows === null ? NO_FLOWS : [...this.flows].sort((a, b) => a - b),
      records: this.records,
      firstPoll: this.firstPoll,
      lastPoll: this.lastPoll,
      closes: this.closes,
      failures: this.failures,
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
      violated:
        this.bits === 0 ? NO_CLAIMS : claims.flatMap((c, k) => (this.breaks(k) ? [c.name] : [])),
    };
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
