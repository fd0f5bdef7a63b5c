/**
 * `mergeConnectionStats`: two records of one cookie become their field-wise maximum when the
 * tuples match, and a collision when they do not.
 */
import { describe, expect, it } from 'vitest';
import { connection, cookie } from './ConnectionStats.js';
import { mergeConnectionStats } from './mergeConnectionStats.js';
import { counters } from './statCounters.js';

describe('mergeConnectionStats', () => {
  it('takes the field-wise maximum and the newer epoch, and keeps the first record failures', () => {
    const a = connection({
      cookie: cookie(1),
      monotonic: counters({ sentBytes: 5, recvBytes: 1 }),
      lastUpdateEpoch: 1,
      tcpFailures: { '104': 1 },
    });
    const b = connection({
      cookie: cookie(1),
      monotonic: counters({ sentBytes: 2, recvBytes: 4 }),
      lastUpdateEpoch: 3,
      tcpFailures: { '110': 1 },
    });
    expect(mergeConnectionStats(a, b)).toEqual({
      collision: false,
      merged: { ...a, monotonic: counters({ sentBytes: 5, recvBytes: 4 }), lastUpdateEpoch: 3 },
    });
    expect(mergeConnectionStats(b, a)).toMatchObject({
      collision: false,
      merged: { lastUpdateEpoch: 3, tcpFailures: { '110': 1 } },
    });
  });

  it('reports a collision and merges nothing when the tuples differ', () => {
    const a = connection({ cookie: cookie(1), tuple: 'a' });
    expect(mergeConnectionStats(a, { ...a, tuple: 'b' })).toEqual({ collision: true });
  });
});
