/**
 * A backend's bookkeeping (history/AuditState.ts): exact totals refused past 2^53 − 1 with a
 * message naming the record, the subject and the limit; the records a sum witness needs (failures
 * and closes differ) and only those, let go by `forget`; the claims broken, by index; its sums.
 */
import { describe, expect, it } from 'vitest';
import { TraceError } from '../engine/errors/TraceError.js';
import { BackendState, checkedSum } from './AuditState.js';
import type { HistoryRecord } from './History.js';

const rec = (poll: number, closes: number, failures: number): HistoryRecord => ({
  poll,
  client: '3',
  connection: `tuple ${poll}`,
  label: `connection ${poll}`,
  lastTcpClosed: closes,
  failures: failures > 0 ? { '104': failures } : {},
  failureCount: failures,
  lastBytesSent: 0,
  lastBytesReceived: 0,
  source: `h.jsonl:${poll}`,
});

const MAX = Number.MAX_SAFE_INTEGER;

describe('checkedSum', () => {
  it('adds up to 2^53 − 1 exactly', () => {
    expect(checkedSum(1, 2, rec(1, 0, 0), 's', 'closes', 'per connection')).toBe(3);
    expect(checkedSum(MAX - 5, 5, rec(1, 0, 0), 's', 'closes', 'per connection')).toBe(MAX);
  });

  it('refuses a sum past 2^53 − 1, naming the record, the subject, the addend and the limit', () => {
    const sum = () =>
      checkedSum(MAX - 5, 6, rec(7, 0, 0), 'conn X', 'bytes sent', 'per connection');
    expect(sum).toThrow(TraceError);
    expect(sum).toThrow(
      'h.jsonl:7: conn X: got 6 more bytes sent on top of 9007199254740986, past 2^53 − 1; allowed: at most 9007199254740991 (2^53 − 1) bytes sent per connection over the history',
    );
  });
});

describe('BackendState', () => {
  it('sums closes and failures, and gives the rate once a close has shipped', () => {
    const b = new BackendState('3', 1);
    expect(b.sums()).toEqual({ client: '3', closes: 0, failures: 0, rate: null });
    b.add(rec(1, 0, 1));
    expect(b.sums()).toEqual({ client: '3', closes: 0, failures: 1, rate: null });
    b.add(rec(2, 4, 1));
    expect(b.sums()).toEqual({ client: '3', closes: 4, failures: 2, rate: 0.5 });
    expect([b.client, b.rank]).toEqual(['3', 1]);
  });

  it('keeps only the records whose failures and closes differ, until it forgets', () => {
    const b = new BackendState('3', 0);
    const records = [rec(1, 1, 1), rec(2, 0, 0), rec(3, 2, 0), rec(4, 0, 1), rec(5, 2, 2)];
    for (const r of records) b.add(r);
    expect(b.kept).toEqual([records[2], records[3]]);
    b.forget();
    b.add(rec(6, 0, 3));
    expect(b.kept).toEqual([]);
    // The totals go on.
    expect([b.closes, b.failures]).toEqual([5, 7]);
  });

  it('refuses totals past 2^53 − 1, naming the backend', () => {
    const b = new BackendState('3', 0);
    b.add(rec(1, 0, 0));
    b.failures = MAX;
    expect(() => b.add(rec(2, 0, 1))).toThrow(
      'h.jsonl:2: backend of client 3: got 1 more failures on top of 9007199254740991, past 2^53 − 1; allowed: at most 9007199254740991 (2^53 − 1) failures per backend over the history',
    );
    b.failures = 0;
    b.closes = MAX;
    expect(() => b.add(rec(3, 1, 0))).toThrow(
      'h.jsonl:3: backend of client 3: got 1 more closes on top of 9007199254740991, past 2^53 − 1; allowed: at most 9007199254740991 (2^53 − 1) closes per backend over the history',
    );
  });

  it('remembers each claim broken by its index, apart from the others', () => {
    const b = new BackendState('1', 0);
    expect([0, 1, 2, 3, 4].map((k) => b.breaks(k))).toEqual([false, false, false, false, false]);
    b.broke(1);
    b.broke(3);
    expect([0, 1, 2, 3, 4].map((k) => b.breaks(k))).toEqual([false, true, false, true, false]);
    b.broke(1);
    expect(b.breaks(1)).toBe(true);
  });
});
