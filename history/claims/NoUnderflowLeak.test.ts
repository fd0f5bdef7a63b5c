/**
 * NoUnderflowLeak on payloads (history/claims/NoUnderflowLeak.ts): every wrapped uint64 counter of
 * a record is a finding of its own, at the record's poll, with the record as the witness; a
 * record without one shows none.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../History.js';
import { NoUnderflowLeak } from './NoUnderflowLeak.js';

const rec = (underflows?: HistoryRecord['underflows']): HistoryRecord => ({
  poll: 5,
  client: '1',
  connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
  label: 'tcp v4 pid 1 a:1 → b:2',
  lastTcpClosed: 1,
  failures: { '104': 1 },
  failureCount: 1,
  lastBytesSent: 0,
  lastBytesReceived: 7,
  source: 'h.jsonl:5',
  ...(underflows === undefined ? {} : { underflows }),
});

describe('NoUnderflowLeak', () => {
  it('has its own statement: payloads show only the "negative" half of the invariant', () => {
    expect([NoUnderflowLeak.name, NoUnderflowLeak.scope, NoUnderflowLeak.statement]).toEqual([
      'NoUnderflowLeak',
      'record',
      'no shipped Last counter is negative (a uint64 of 2^63 or more wrapped below zero)',
    ]);
  });

  it('finds nothing in a record without a wrapped counter', () => {
    expect(NoUnderflowLeak.judge(rec())).toEqual([]);
  });

  it('finds each wrapped counter, with the value shipped and the difference it stands for', () => {
    const r = rec([
      { field: 'lastBytesSent', value: '18446744073709551615', difference: '-1' },
      {
        field: 'lastBytesReceived',
        value: '9223372036854775808',
        difference: '-9223372036854775808',
      },
    ]);
    const found = NoUnderflowLeak.judge(r);
    expect(found.map((v) => v.detail)).toEqual([
      'lastBytesSent "18446744073709551615" at poll 5: 18446744073709551615 − 2^64 = −1 bytes, a uint64 difference that wrapped (counted as 0)',
      'lastBytesReceived "9223372036854775808" at poll 5: 9223372036854775808 − 2^64 = −9223372036854775808 bytes, a uint64 difference that wrapped (counted as 0)',
    ]);
    for (const v of found)
      expect(v).toMatchObject({
        claim: 'NoUnderflowLeak',
        client: '1',
        connection: 'tcp v4 pid 1 a:1 → b:2 outgoing ns 0',
        subject: 'tcp v4 pid 1 a:1 → b:2',
        poll: 5,
        witness: { polls: [5], records: [r], closes: 1, failures: 1 },
      });
  });
});
