/**
 * `TCPFailures` maps: emptiness, the backend's count, the failures-delta subtraction, the
 * aggregator's sum and equality.
 */
import { describe, expect, it } from 'vitest';
import {
  addFailures,
  ECONNRESET,
  hasFailures,
  NO_FAILURES,
  sameFailures,
  subFailures,
  totalFailures,
} from './tcpFailures.js';

describe('TCPFailures', () => {
  it('names ECONNRESET 104 and has no entry in NO_FAILURES', () => {
    expect([ECONNRESET, hasFailures(NO_FAILURES), hasFailures({ '104': 1 })]).toEqual([
      104,
      false,
      true,
    ]);
  });

  it('counts the sum of the values', () => {
    expect([totalFailures({ '104': 1, '110': 2 }), totalFailures(NO_FAILURES)]).toEqual([3, 0]);
  });

  it('subtracts per errno and keeps only the positive counts', () => {
    expect(subFailures({ '104': 3, '110': 1, '111': 1 }, { '104': 1, '110': 1, '111': 2 })).toEqual(
      { '104': 2 },
    );
    expect(subFailures({ '104': 1 }, NO_FAILURES)).toEqual({ '104': 1 });
  });

  it('compares errnos and counts both ways', () => {
    expect(sameFailures({ '104': 1 }, { '104': 1 })).toBe(true);
    expect(sameFailures({ '104': 1 }, { '104': 2 })).toBe(false);
    expect(sameFailures({ '104': 1, '110': 1 }, { '104': 1, '111': 1 })).toBe(false);
    expect(sameFailures({ '104': 1 }, { '104': 1, '110': 1 })).toBe(false);
    expect(sameFailures(NO_FAILURES, NO_FAILURES)).toBe(true);
  });

  it('adds per errno, keeping the errnos only one side has', () => {
    expect(addFailures({ '104': 1, '111': 1 }, { '104': 2, '110': 1 })).toEqual({
      '104': 3,
      '110': 1,
      '111': 1,
    });
    expect(addFailures(NO_FAILURES, { '104': 1 })).toEqual({ '104': 1 });
  });

  it('returns the first map itself when the second has no failure', () => {
    const a = { '104': 1 };
    expect(addFailures(a, NO_FAILURES)).toBe(a);
    expect(addFailures(NO_FAILURES, {})).toBe(NO_FAILURES);
  });
});
