/**
 * The backend's sums, per connection and in total, and the rate it shows.
 */
import { describe, expect, it } from 'vitest';
import type { PayloadRecord } from '../agent/PayloadRecord.js';
import { EMPTY_BACKEND, rate, receive, totalsOf } from './backend.js';

const record = (
  cookie: number,
  lastTCPClosed: number,
  tcpFailures: Record<string, number>,
): PayloadRecord => ({
  flow: cookie,
  cookie,
  tuple: cookie,
  lastTCPClosed,
  lastTCPEstablished: 0,
  tcpFailures,
  lastSentBytes: 1,
  lastRecvBytes: 0,
});

describe('backend', () => {
  it('sums closes and failures per connection and in total, payload after payload', () => {
    const b = receive(receive(EMPTY_BACKEND, [record(1, 1, { '104': 1 }), record(2, 1, {})]), [
      record(1, 0, { '104': 1, '110': 2 }),
    ]);
    expect(b).toEqual({
      connections: { 1: { closes: 1, failures: 4 }, 2: { closes: 1, failures: 0 } },
      closes: 2,
      failures: 4,
    });
    expect(EMPTY_BACKEND).toEqual({ connections: {}, closes: 0, failures: 0 });
  });

  it('shows failures over closes as a fraction, and no rate before the first close', () => {
    expect(rate({ connections: {}, closes: 2, failures: 3 })).toBe(1.5);
    expect(rate({ connections: {}, closes: 0, failures: 3 })).toBeNull();
    expect(rate(EMPTY_BACKEND)).toBeNull();
  });

  it('gives zeros for a connection that shipped nothing', () => {
    expect(totalsOf(EMPTY_BACKEND, 9)).toEqual({ closes: 0, failures: 0 });
    expect(totalsOf(receive(EMPTY_BACKEND, [record(9, 1, {})]), 9)).toEqual({
      closes: 1,
      failures: 0,
    });
  });
});
