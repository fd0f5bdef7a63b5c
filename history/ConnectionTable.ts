/**
 * What the audit keeps of every connection (client and tuple) while the history streams by, in
 * columns indexed by the connection's rank (its order of first appearance): its key, its totals
 * in typed arrays, and, only for a connection that has shipped a close or a failure (or flows, or
 * more than two polls), the records a witness can hold (history/README.md, "Witnesses"). A
 * million connections then cost their keys and a few numbers each, not an object apiece. A key is
 * kept as its UTF-8 bytes, one character each (`→` would make every key a two-byte string, twice
 * the size), and turned back into text when it is shown.
 */
import type { AuditClaim, ConnectionSoFar } from './claims/AuditClaim.js';
import type { ConnectionSummary } from './AuditReport.js';
import { checkedSum } from './AuditState.js';
import type { HistoryRecord } from './History.js';

const NONE: readonly HistoryRecord[] = [];

/** At most this many failure maps are shared (`ConnectionTable.shared`); later ones are kept as they come. */
const MAX_SHARED = 4096;

/** `text` as its UTF-8 bytes, one Latin-1 character per byte: a one-byte string, and reversible. */
const packed = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const unpacked = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');
// Shared by every summary with no flows or no broken claim: a million connections, no arrays.
const NO_FLOWS: readonly number[] = Object.freeze([]);
const NO_CLAIMS: readonly string[] = Object.freeze([]);

/** The rarer part of a connection: what witnesses and flows need. */
interface Extra {
  /** The key as text, shared by the records kept. */
  display: string | null;
  /** Every poll, once there are more than two. */
  more: number[] | null;
  kept: HistoryRecord[] | null;
  firstClose: HistoryRecord | null;
  flows: number[] | null;
  /** Every claim about it is broken: nothing more to keep. */
  forgotten: boolean;
}

/** Columns of numbers, grown by doubling. */
const COLUMNS = [
  'closes',
  'failures',
  'sent',
  'received',
  'records',
  'firstPoll',
  'lastPoll',
  'bits',
] as const;
type Column = (typeof COLUMNS)[number];

export class ConnectionTable {
  /** client → key → rank; emptied by `endLookups` once the history is in. */
  private byKey = new Map<string, Map<string, number>>();
  private readonly keys: string[] = [];
  /** Each client once; a connection's is its index in `clientOf`. */
  private readonly clients: string[] = [];
  /** A label that is not the start of the key (replay reports), by rank. */
  private readonly labels = new Map<number, string>();
  private readonly extra = new Map<number, Extra>();
  private cols: Record<Column, Float64Array> = ConnectionTable.columns(1024);
  /** Per connection: its client's index, and how long its label is (the start of its key). */
  private clientOf = new Uint32Array(1024);
  private labelLength = new Uint32Array(1024);
  /**
   * One shared, frozen copy of each failure map (`{"104": 1}`, …): the maps of a history are few,
   * and each copy costs more than its size says (an errno key is an array index to the engine, so
   * the object gets an elements store of at least that length). The table's own, not the
   * module's: a module keeps no state from one audit to the next.
   */
  private readonly sharedFailures = new Map<string, Readonly<Record<string, number>>>();

  private static columns(n: number): Record<Column, Float64Array> {
    return Object.fromEntries(COLUMNS.map((c) => [c, new Float64Array(n)])) as Record<
      Column,
      Float64Array
    >;
  }

  private shared(f: Readonly<Record<string, number>>): Readonly<Record<string, number>> {
    const text = JSON.stringify(f);
    const known = this.sharedFailures.get(text);
    if (known !== undefined) return known;
    if (this.sharedFailures.size >= MAX_SHARED) return f;
    const copy = Object.freeze({ ...f });
    this.sharedFailures.set(text, copy);
    return copy;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The rank of `r`'s connection, a new one if it is the first record of it. */
  rankOf(r: HistoryRecord): number {
    const mine = this.byKey.get(r.client) ?? new Map<string, number>();
    this.byKey.set(r.client, mine);
    const key = packed(r.connection);
    const known = mine.get(key);
    if (known !== undefined) return known;
    const rank = this.keys.length;
    if (rank === this.cols.closes.length) this.grow();
    mine.set(key, rank);
    this.keys.push(key);
    const client = this.clients.indexOf(r.client);
    this.clientOf[rank] = client >= 0 ? client : this.clients.push(r.client) - 1;
    // A payload's label is the start of its key: its length is all there is to keep.
    const prefix = r.connection.startsWith(r.label);
    this.labelLength[rank] = prefix ? r.label.length : 0;
    if (!prefix) this.labels.set(rank, r.label);
    this.cols.firstPoll[rank] = r.poll;
    this.cols.lastPoll[rank] = r.poll;
    return rank;
  }

  private grow(): void {
    const bigger = ConnectionTable.columns(this.cols.closes.length * 2);
    for (const c of COLUMNS) bigger[c].set(this.cols[c]);
    this.cols = bigger;
    const wider = (a: Uint32Array) => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.clientOf = wider(this.clientOf);
    this.labelLength = wider(this.labelLength);
  }

  /** Lets go of the lookup by key: no record comes after the history is in. */
  endLookups(): void {
    this.byKey = new Map();
  }

  /** The key as text: kept once the connection keeps records, else made when asked. */
  private display(rank: number): string {
    return this.extra.get(rank)?.display ?? unpacked(this.keys[rank] as string);
  }

  private label(rank: number, display = this.display(rank)): string {
    return this.labels.get(rank) ?? display.slice(0, this.labelLength[rank]);
  }

  /** Adds `r` to its connection; returns it as kept (with the connection's strings) or as is. */
  add(rank: number, r: HistoryRecord): HistoryRecord {
    const c = this.cols;
    const last = c.lastPoll[rank] as number;
    let x = this.extra.get(rank);
    if (r.poll !== last) {
      if (x?.more) x.more.push(r.poll);
      else if (c.firstPoll[rank] !== last)
        x = this.extraOf(rank, { more: [c.firstPoll[rank] as number, last, r.poll] });
      c.lastPoll[rank] = r.poll;
    }
    c.records[rank] = (c.records[rank] as number) + 1;
    const sum = (col: Column, n: number, what: string) => {
      const total = c[col][rank] as number;
      // The label is cut from the key only for the message.
      if (total + n > Number.MAX_SAFE_INTEGER)
        checkedSum(total, n, r, this.label(rank), what, 'per connection');
      c[col][rank] = total + n;
    };
    sum('closes', r.lastTcpClosed, 'closes');
    sum('failures', r.failureCount, 'failures');
    sum('sent', r.lastBytesSent, 'bytes sent');
    sum('received', r.lastBytesReceived, 'bytes received');
    if (r.flows !== undefined) {
      x = this.extraOf(rank, {});
      for (const f of r.flows) if (!(x.flows ??= []).includes(f)) x.flows.push(f);
    }
    const closes = r.lastTcpClosed > 0;
    if (!closes && r.failureCount === 0) return r;
    // Kept with this connection's strings, not the record's own copies of them.
    x = this.extraOf(rank, {});
    const display = (x.display ??= r.connection);
    const kept = {
      ...r,
      connection: display,
      label: this.label(rank, display),
      failures: this.shared(r.failures),
    };
    if (closes && x.firstClose === null) x.firstClose = kept;
    // Every record that gets here ships a close or, without one, a failure (more failures than
    // closes): each is one a witness can need (history/README.md, "Witnesses").
    if (!x.forgotten) {
      if (x.kept === null) x.kept = [kept];
      else x.kept.push(kept);
    }
    return kept;
  }

  private extraOf(rank: number, init: Partial<Extra>): Extra {
    const x = this.extra.get(rank);
    if (x !== undefined) return Object.assign(x, init);
    const created: Extra = {
      display: null,
      more: null,
      kept: null,
      firstClose: null,
      flows: null,
      forgotten: false,
      ...init,
    };
    this.extra.set(rank, created);
    return created;
  }

  breaks(rank: number, k: number): boolean {
    return ((this.cols.bits[rank] as number) & (1 << k)) !== 0;
  }

  broke(rank: number, k: number): void {
    this.cols.bits[rank] = (this.cols.bits[rank] as number) | (1 << k);
  }

  /** Lets go of the records kept for witnesses, once no claim will judge the connection again. */
  forget(rank: number): void {
    const x = this.extra.get(rank);
    if (x === undefined) return;
    x.forgotten = true;
    x.kept = null;
    x.more = null;
  }

  /** What the claims judge of the connection now. */
  view(rank: number): ConnectionSoFar {
    const c = this.cols;
    const x = this.extra.get(rank);
    const first = c.firstPoll[rank] as number;
    const last = c.lastPoll[rank] as number;
    const display = this.display(rank);
    return {
      client: this.clients[this.clientOf[rank] as number] as string,
      connection: display,
      label: this.label(rank, display),
      closes: c.closes[rank] as number,
      failures: c.failures[rank] as number,
      polls: x?.more ?? (first === last ? [first] : [first, last]),
      kept: x?.kept ?? NONE,
      firstClose: x?.firstClose ?? null,
    };
  }

  summary(rank: number, claims: readonly AuditClaim[]): ConnectionSummary {
    const c = this.cols;
    const flows = this.extra.get(rank)?.flows;
    const display = this.display(rank);
    return {
      client: this.clients[this.clientOf[rank] as number] as string,
      connection: display,
      label: this.label(rank, display),
      flows: flows ? [...flows].sort((a, b) => a - b) : NO_FLOWS,
      records: c.records[rank] as number,
      firstPoll: c.firstPoll[rank] as number,
      lastPoll: c.lastPoll[rank] as number,
      closes: c.closes[rank] as number,
      failures: c.failures[rank] as number,
      bytesSent: c.sent[rank] as number,
      bytesReceived: c.received[rank] as number,
      violated:
        c.bits[rank] === 0
          ? NO_CLAIMS
          : claims.flatMap((claim, k) => (this.breaks(rank, k) ? [claim.name] : [])),
    };
  }
}
