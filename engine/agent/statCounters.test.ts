import { it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { smallStatCounters } from '../../generators/statCounters.js';
import {
  addCounters,
  COUNTER_FIELDS,
  counters,
  isZero,
  maxCounters,
  subCounters,
  ZERO_COUNTERS,
} from './statCounters.js';

describe('StatCounters', () => {
  it('subtracts bytes field by field when nothing went backwards', () => {
    const r = subCounters(counters({ sentBytes: 8, recvBytes: 2 }), counters({ sentBytes: 3 }));
    expect(r).toEqual({ delta: counters({ sentBytes: 5, recvBytes: 2 }), underflow: false });
  });

  it('reports an underflow when the bytes went backwards', () => {
    expect(subCounters(counters({ sentBytes: 2 }), counters({ sentBytes: 3 })).underflow).toBe(
      true,
    );
  });

  it('gives a zero TCPClosed delta, and no underflow, when TCPClosed drops to 0', () => {
    const r = subCounters(counters({ tcpClosed: 0 }), counters({ tcpClosed: 1 }));
    expect(r).toEqual({ delta: ZERO_COUNTERS, underflow: false });
  });

  it('reports an underflow when a small counter drops to a non-zero value', () => {
    expect(subCounters(counters({ retransmits: 1 }), counters({ retransmits: 2 })).underflow).toBe(
      true,
    );
  });

  it('counts a close again when TCPClosed comes back from 0 to 1', () => {
    expect(subCounters(counters({ tcpClosed: 1 }), ZERO_COUNTERS).delta.tcpClosed).toBe(1);
  });

  it('adds, takes the field-wise maximum and tests for zero', () => {
    expect(addCounters(counters({ sentBytes: 1 }), counters({ sentBytes: 2 })).sentBytes).toBe(3);
    expect(
      maxCounters(
        counters({ sentBytes: 5, recvBytes: 1 }),
        counters({ sentBytes: 2, recvBytes: 4 }),
      ),
    ).toEqual(counters({ sentBytes: 5, recvBytes: 4 }));
    expect(isZero(ZERO_COUNTERS)).toBe(true);
    expect(isZero(counters({ tcpEstablished: 1 }))).toBe(false);
  });
});

const SEED = 20261125;
const statCounters = smallStatCounters(5);

const MONOTONIC = ['sentBytes', 'recvBytes', 'sentPackets', 'recvPackets'] as const;
const GAUGES = ['retransmits', 'tcpEstablished', 'tcpClosed'] as const;

describe(`StatCounters laws (seed ${SEED})`, () => {
  const opts = { seed: SEED, numRuns: 200 };

  it.prop([statCounters, statCounters], opts)(
    'adds field by field, commutatively, with ZERO_COUNTERS as identity',
    (a, b) => {
      const sum = addCounters(a, b);
      expect(COUNTER_FIELDS.map((f) => sum[f])).toEqual(COUNTER_FIELDS.map((f) => a[f] + b[f]));
      expect(addCounters(b, a)).toEqual(sum);
      expect(addCounters(a, ZERO_COUNTERS)).toEqual(a);
    },
  );

  it.prop([statCounters, statCounters], opts)(
    'takes the field-wise maximum, commutatively and idempotently',
    (a, b) => {
      const max = maxCounters(a, b);
      expect(COUNTER_FIELDS.map((f) => max[f])).toEqual(
        COUNTER_FIELDS.map((f) => Math.max(a[f], b[f])),
      );
      expect(maxCounters(b, a)).toEqual(max);
      expect(maxCounters(a, a)).toEqual(a);
    },
  );

  it.prop([statCounters], opts)('is zero only when every field is', (a) => {
    expect(isZero(a)).toBe(COUNTER_FIELDS.every((f) => a[f] === 0));
  });

  it.prop([statCounters, statCounters], opts)(
    'subtracts as Go Sub does: bytes and packets plainly, the small counters only while above 0',
    (cur, prev) => {
      const { delta, underflow } = subCounters(cur, prev);
      for (const f of MONOTONIC) expect(delta[f]).toBe(cur[f] - prev[f]);
      for (const f of GAUGES) expect(delta[f]).toBe(cur[f] > 0 ? cur[f] - prev[f] : 0);
      const expected =
        MONOTONIC.some((f) => cur[f] < prev[f]) ||
        GAUGES.some((f) => cur[f] > 0 && cur[f] < prev[f]);
      expect(underflow).toBe(expected);
    },
  );

  it.prop([statCounters, statCounters], opts)(
    'gives back what was added, with no underflow',
    (a, b) => {
      expect(subCounters(addCounters(a, b), a)).toEqual({ delta: b, underflow: false });
    },
  );

  it('counts no underflow when a small counter stays where it was', () => {
    expect(subCounters(counters({ retransmits: 2 }), counters({ retransmits: 2 }))).toEqual({
      delta: ZERO_COUNTERS,
      underflow: false,
    });
  });
});
