/**
 * splitTime: GNU time's figure read off the end of standard error.
 *
 * Leaves out: running GNU time (machines without it give null, which the bench prints as n/a).
 */
import { describe, expect, it } from 'vitest';
import { splitTime } from './measure.js';

describe('splitTime', () => {
  it('reads the last line and drops time’s status line before it', () => {
    const err = 'progress: 1 state\nCommand exited with non-zero status 124\n5120\n';
    expect(splitTime(err)).toEqual({ rest: 'progress: 1 state', peakKb: 5120 });
  });

  it('gives null when the last line is not a figure', () => {
    expect(splitTime('explore option: got "--workers"\n').peakKb).toBeNull();
  });
});
