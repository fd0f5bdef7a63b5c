/**
 * StatCounters with small values (each byte, packet and retransmit count at most `max`; the two
 * TCP state counters 0 or 1), so that equal fields and drops to 0 come up often.
 */
import fc from 'fast-check';
import type { StatCounters } from '../engine/agent/statCounters.js';

export const smallStatCounters = (max: number): fc.Arbitrary<StatCounters> => {
  const small = fc.nat({ max });
  return fc.record({
    sentBytes: small,
    recvBytes: small,
    sentPackets: small,
    recvPackets: small,
    retransmits: small,
    tcpEstablished: fc.nat({ max: 1 }),
    tcpClosed: fc.nat({ max: 1 }),
  });
};
