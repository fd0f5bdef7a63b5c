import { describe, expect, it } from 'vitest';
import { addCounters, counters, isZero, maxCounters, subCounters, ZERO_COUNTERS } from './statCounters.js';

describe('StatCounters', () => {
  it('subtracts bytes field by field when nothing went backwards', () => {
    const r = subCounters(counters({ sentBytes: 8, recvBytes: 2 }), counters({ sentBytes: 3 }));
    expect(r).toEqual({ delta: counters({ sentBytes: 5, recvBytes: 2 }), underflow: false });
  });

  it('reports an underflow when the bytes went backwards', () => {
    expect(subCounters(counters({ sentBytes: 2 }), counters({ sentBytes: 3 })).underflow).toBe(true);
  });

  it('gives a zero TCPClosed delta, and no underflow, when TCPClosed drops to 0', () => {
    const r = subCounters(counters({ tcpClosed: 0 }), counters({ tcpClosed: 1 }));
    expect(r).toEqual({ delta: ZERO_COUNTERS, underflow: false });
  });

  it('reports an underflow when a small counter drops to a non-zero value', () => {
    expect(subCounters(counters({ retransmits: 1 }), counters({ retransmits: 2 })).underflow).toBe(true);
  });

  it('counts a close again when TCPClosed comes back from 0 to 1', () => {
    expect(subCounters(counters({ tcpClosed: 1 }), ZERO_COUNTERS).delta.tcpClosed).toBe(1);
  });

  it('adds, takes the field-wise maximum and tests for zero', () => {
    expect(addCounters(counters({ sentBytes: 1 }), counters({ sentBytes: 2 })).sentBytes).toBe(3);
    expect(maxCounters(counters({ sentBytes: 5, recvBytes: 1 }), counters({ sentBytes: 2, recvBytes: 4 }))).toEqual(
      counters({ sentBytes: 5, recvBytes: 4 }),
    );
    expect(isZero(ZERO_COUNTERS)).toBe(true);
    expect(isZero(counters({ tcpEstablished: 1 }))).toBe(false);
  });
});
