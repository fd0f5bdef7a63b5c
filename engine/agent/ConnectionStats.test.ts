/**
 * A connection record: the cookie brand, the defaults tests rely on, and `IsEmpty`.
 */
import { describe, expect, it } from 'vitest';
import { connection, cookie, isEmpty } from './ConnectionStats.js';
import type { StatCounters } from './statCounters.js';
import { counters, ZERO_COUNTERS } from './statCounters.js';

describe('cookie', () => {
  it('accepts 0 and any larger integer', () => {
    expect([cookie(0), cookie(7)]).toEqual([0, 7]);
  });

  it('refuses a negative or fractional number, naming it', () => {
    expect(() => cookie(-1)).toThrow(
      new RangeError('cookie must be a non-negative integer, got -1'),
    );
    expect(() => cookie(1.5)).toThrow(
      new RangeError('cookie must be a non-negative integer, got 1.5'),
    );
  });
});

describe('connection', () => {
  it('fills in the tuple, zero counters, no failures and epoch 0', () => {
    expect(connection({ cookie: cookie(5) })).toEqual({
      cookie: 5,
      tuple: 't5',
      monotonic: ZERO_COUNTERS,
      last: ZERO_COUNTERS,
      tcpFailures: {},
      lastUpdateEpoch: 0,
    });
  });
});

describe('isEmpty', () => {
  const withMonotonic = (m: Partial<StatCounters>) =>
    connection({ cookie: cookie(1), monotonic: counters(m) });

  it('is true with nothing moved and no failure, whatever TCPEstablished and TCPClosed say', () => {
    expect(isEmpty(withMonotonic({ tcpEstablished: 1, tcpClosed: 1 }))).toBe(true);
  });

  it.each(['sentBytes', 'recvBytes', 'sentPackets', 'recvPackets', 'retransmits'] as const)(
    'is false once %s moved',
    (field) => {
      expect(isEmpty(withMonotonic({ [field]: 1 }))).toBe(false);
    },
  );

  it('is false with a failure', () => {
    expect(isEmpty(connection({ cookie: cookie(1), tcpFailures: { '104': 1 } }))).toBe(false);
  });
});
