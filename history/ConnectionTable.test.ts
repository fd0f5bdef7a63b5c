/**
 * The audit's per-connection bookkeeping (history/ConnectionTable.ts): a rank per client and key
 * in order of first appearance, the label kept as the start of the key or apart, the polls seen,
 * the totals (refused past 2^53 − 1), the records a witness can need and nothing else, the first
 * close, the flows, the claims broken, and the summary; columns that grow past their first size.
 */
import { describe, expect, it } from 'vitest';
import type { AuditClaim } from './claims/AuditClaim.js';
import { auditClaims } from './claims/index.js';
import { ConnectionTable } from './ConnectionTable.js';
import type { HistoryRecord } from './History.js';
import { failureCount } from './History.js';

const KEY = 'tcp v4 pid 1 10.0.0.5:50001 → 10.0.0.9:443 outgoing ns 0';
const LABEL = 'tcp v4 pid 1 10.0.0.5:50001 → 10.0.0.9:443';

const rec = (
  poll: number,
  closes = 0,
  failures: Record<string, number> = {},
  extra: Partial<HistoryRecord> = {},
): HistoryRecord => ({
  poll,
  client: '1',
  connection: KEY,
  label: LABEL,
  lastTcpClosed: closes,
  failures,
  failureCount: failureCount(failures),
  lastBytesSent: 10,
  lastBytesReceived: 20,
  source: `h.jsonl:${poll}`,
  ...extra,
});

/** Adds each record to its connection; the ranks, in order. */
const fill = (t: ConnectionTable, records: readonly HistoryRecord[]): number[] =>
  records.map((r) => {
    const rank = t.rankOf(r);
    t.add(rank, r);
    return rank;
  });

const CLAIMS: readonly AuditClaim[] = auditClaims;

describe('ConnectionTable', () => {
  it('ranks connections by first appearance, one per client and key', () => {
    const t = new ConnectionTable();
    const ranks = fill(t, [
      rec(1),
      rec(1, 0, {}, { connection: `${LABEL} incoming ns 0` }),
      rec(2),
      rec(2, 0, {}, { client: '2' }),
      rec(3, 0, {}, { client: '2' }),
    ]);
    expect(ranks).toEqual([0, 1, 0, 2, 2]);
    expect(t.size).toBe(3);
    expect([0, 1, 2].map((k) => [t.view(k).client, t.view(k).connection])).toEqual([
      ['1', KEY],
      ['1', `${LABEL} incoming ns 0`],
      ['2', KEY],
    ]);
  });

  it('keeps keys of any text, and a label that is not the start of the key apart', () => {
    const t = new ConnectionTable();
    const ipv6 = 'tcp v6 pid 1 [fe80::1]:5 → [ü::2]:6';
    fill(t, [
      rec(1, 0, {}, { connection: `${ipv6} outgoing ns 0`, label: ipv6 }),
      rec(1, 0, {}, { connection: 'tuple 7', label: 'connection 7' }),
    ]);
    expect([t.view(0).connection, t.view(0).label]).toEqual([`${ipv6} outgoing ns 0`, ipv6]);
    expect([t.view(1).connection, t.view(1).label]).toEqual(['tuple 7', 'connection 7']);
    expect(t.summary(1, CLAIMS).label).toBe('connection 7');
  });

  it('keeps a label apart when it ends the key but does not start it', () => {
    // Arrange
    const t = new ConnectionTable();
    // Act
    fill(t, [rec(1, 0, {}, { connection: 'tuple 7', label: '7' })]);
    // Assert
    expect([t.view(0).label, t.summary(0, CLAIMS).label]).toEqual(['7', '7']);
  });

  it('lists the polls: one, first and last, then every one past two', () => {
    const t = new ConnectionTable();
    fill(t, [rec(2)]);
    expect(t.view(0).polls).toEqual([2]);
    fill(t, [rec(2)]);
    expect(t.view(0).polls).toEqual([2]);
    fill(t, [rec(4)]);
    expect(t.view(0).polls).toEqual([2, 4]);
    fill(t, [rec(4), rec(7), rec(9)]);
    expect(t.view(0).polls).toEqual([2, 4, 7, 9]);
    expect(t.summary(0, CLAIMS)).toMatchObject({ records: 6, firstPoll: 2, lastPoll: 9 });
  });

  it('sums closes, failures and bytes', () => {
    const t = new ConnectionTable();
    fill(t, [rec(1, 1, { '104': 1 }), rec(2, 0, { '104': 2, '110': 1 }), rec(3, 2)]);
    expect(t.view(0)).toMatchObject({ closes: 3, failures: 4 });
    expect(t.summary(0, CLAIMS)).toMatchObject({
      closes: 3,
      failures: 4,
      bytesSent: 30,
      bytesReceived: 60,
    });
  });

  it('keeps the records that ship a close or unequal failures and closes, and the first close', () => {
    const t = new ConnectionTable();
    const records = [
      rec(1),
      rec(2, 0, { '104': 1 }),
      rec(3, 1, { '104': 1 }),
      rec(4, 1),
      rec(5, 0, {}),
    ];
    const rank = t.rankOf(records[0]!);
    const kept = records.map((r) => t.add(rank, r));
    // A record with neither is handed back as is, the others as the connection's copies.
    expect(kept[0]).toBe(records[0]);
    expect(kept[4]).toBe(records[4]);
    expect(kept[1]).toEqual(records[1]);
    expect(t.view(rank).kept.map((r) => r.poll)).toEqual([2, 3, 4]);
    expect(t.view(rank).firstClose).toEqual(records[2]);
    expect(t.view(rank).firstClose).toBe(kept[2]);
  });

  it('keeps nothing of a connection that ships neither a close nor a failure', () => {
    const t = new ConnectionTable();
    fill(t, [rec(1), rec(2)]);
    expect(t.view(0).kept).toEqual([]);
    expect(t.view(0).firstClose).toBeNull();
  });

  it('shares a failure map within one table, not with the next', () => {
    const r = rec(1, 0, { '104': 1 });
    const [t, u] = [new ConnectionTable(), new ConnectionTable()];
    expect(t.add(t.rankOf(r), r).failures).not.toBe(u.add(u.rankOf(r), r).failures);
  });

  it('shares one copy of each failure map among the records kept', () => {
    const t = new ConnectionTable();
    const a = { '104': 1 };
    const b = { '104': 1 };
    const [x, y] = [rec(1, 0, a), rec(2, 0, b)].map((r) => t.add(t.rankOf(r), r));
    expect(x?.failures).toEqual({ '104': 1 });
    expect(x?.failures).toBe(y?.failures);
    expect(Object.isFrozen(x?.failures)).toBe(true);
  });

  it('shares at most 4096 failure maps: past them a record keeps its own', () => {
    // The shared maps are the table's own: a new table shares none yet.
    const t = new ConnectionTable();
    const own = Array.from({ length: 4200 }, (_, i) => {
      const failures = { [String(4_000_000_000 + i)]: 1 };
      const r = rec(1, 0, failures, { connection: `cap ${i}` });
      return t.add(t.rankOf(r), r).failures === failures;
    });
    expect(own.indexOf(true)).toBe(4096);
    expect(own.slice(4096).every(Boolean)).toBe(true);
  });

  it('keeps no more records once forgotten, and goes on summing', () => {
    const t = new ConnectionTable();
    fill(t, [rec(1, 0, { '104': 1 }), rec(2, 1)]);
    t.forget(0);
    fill(t, [rec(3, 0, { '104': 1 }), rec(4, 1), rec(5, 1)]);
    expect(t.view(0).kept).toEqual([]);
    expect(t.view(0).firstClose?.poll).toBe(2);
    expect(t.summary(0, CLAIMS)).toMatchObject({ records: 5, closes: 3, failures: 2 });
    // Forgetting a connection that kept nothing is harmless.
    fill(t, [rec(1, 0, {}, { connection: 'other' })]);
    t.forget(1);
    expect(t.view(1).kept).toEqual([]);
  });

  it('gives the first close even when it ships no failure and comes after failures', () => {
    const t = new ConnectionTable();
    fill(t, [rec(1, 0, { '104': 1 }), rec(2, 2, { '104': 2 }), rec(3, 1)]);
    expect(t.view(0).firstClose?.poll).toBe(2);
  });

  it('collects the flows of every record, each once, ascending in the summary', () => {
    const t = new ConnectionTable();
    fill(t, [
      rec(1, 0, {}, { flows: [3, 1] }),
      rec(2, 0, {}, { flows: [1] }),
      rec(3, 0, {}, { flows: [2, 3] }),
    ]);
    expect(t.summary(0, CLAIMS).flows).toEqual([1, 2, 3]);
    fill(t, [rec(1, 0, {}, { connection: 'no flows' })]);
    expect(t.summary(1, CLAIMS).flows).toEqual([]);
  });

  it('names the claims a connection breaks, in the order of the claims', () => {
    const t = new ConnectionTable();
    fill(t, [rec(1), rec(1, 0, {}, { connection: 'other' })]);
    expect(t.summary(0, CLAIMS).violated).toEqual([]);
    t.broke(0, 4);
    t.broke(0, 0);
    expect(t.summary(0, CLAIMS).violated).toEqual(['FailuresWithinCloses', 'NoLingeringReReport']);
    expect([0, 1, 2, 3, 4].map((k) => t.breaks(0, k))).toEqual([true, false, false, false, true]);
    expect([0, 1, 2, 3, 4].map((k) => t.breaks(1, k))).toEqual([false, false, false, false, false]);
  });

  it('refuses a total past 2^53 − 1, naming the record and the connection by its label', () => {
    const t = new ConnectionTable();
    const big = Number.MAX_SAFE_INTEGER - 10;
    fill(t, [rec(1, 0, {}, { lastBytesSent: big })]);
    fill(t, [rec(2, 0, {}, { lastBytesSent: 10 })]);
    expect(t.summary(0, CLAIMS).bytesSent).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => fill(t, [rec(3, 0, {}, { lastBytesSent: 1 })])).toThrow(
      `h.jsonl:3: ${LABEL}: got 1 more bytes sent on top of 9007199254740991, past 2^53 − 1; allowed: at most 9007199254740991 (2^53 − 1) bytes sent per connection over the history`,
    );
    fill(t, [
      rec(1, 0, {}, { connection: 'tuple 2', label: 'connection 2', lastBytesReceived: big + 10 }),
    ]);
    expect(() =>
      fill(t, [rec(4, 0, {}, { connection: 'tuple 2', label: 'connection 2' })]),
    ).toThrow('h.jsonl:4: connection 2: got 20 more bytes received');
  });

  it('names closes and failures when their totals would pass 2^53 − 1', () => {
    // Arrange
    const t = new ConnectionTable();
    const max = Number.MAX_SAFE_INTEGER;
    fill(t, [rec(1, max, {}, { connection: 'tuple 1', label: 'connection 1' })]);
    fill(t, [rec(1, 0, { '104': max }, { connection: 'tuple 2', label: 'connection 2' })]);
    // Act
    const more =
      (connection: string, label: string, closes: number, failures = {}) =>
      () =>
        fill(t, [rec(2, closes, failures, { connection, label })]);
    // Assert
    expect(more('tuple 1', 'connection 1', 1)).toThrow(
      `h.jsonl:2: connection 1: got 1 more closes on top of ${max}, past 2^53 − 1; allowed: at most ${max} (2^53 − 1) closes per connection over the history`,
    );
    expect(more('tuple 2', 'connection 2', 0, { '104': 2 })).toThrow(
      `h.jsonl:2: connection 2: got 2 more failures on top of ${max}, past 2^53 − 1; allowed: at most ${max} (2^53 − 1) failures per connection over the history`,
    );
  });

  it('grows past its first columns, keeping every connection', () => {
    const t = new ConnectionTable();
    const n = 2500;
    for (let i = 0; i < n; i++)
      fill(t, [
        rec(1 + (i % 7), i % 3, {}, { connection: `k${i}`, label: 'k', client: String(i % 2) }),
      ]);
    expect(t.size).toBe(n);
    for (const i of [0, 1023, 1024, 2047, 2048, n - 1]) {
      expect(t.summary(i, CLAIMS)).toMatchObject({
        client: String(i % 2),
        connection: `k${i}`,
        label: 'k',
        firstPoll: 1 + (i % 7),
        closes: i % 3,
      });
    }
  });

  it('still summarizes every connection after the lookups end, and no longer finds them', () => {
    const t = new ConnectionTable();
    fill(t, [rec(1, 1)]);
    t.endLookups();
    expect(t.summary(0, CLAIMS)).toMatchObject({ connection: KEY, label: LABEL, closes: 1 });
    // The lookup by key is let go: a record after the history is in would be a new connection.
    expect(t.rankOf(rec(2))).toBe(1);
  });
});
