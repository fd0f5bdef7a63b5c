/**
 * mergedAway: the aggregator merged a record into an earlier one of its tuple and kept only that
 * one's failures (docs/environment.md, "Attribution").
 */
import { describe, expect, it } from 'vitest';
import { runAfter, type RunOptions } from '../../checking/fixtures/runs.js';
import { mergedAway } from './mergedAway.js';

const why = (text: string, options?: RunOptions) => mergedAway(runAfter(text, options));

describe('mergedAway', () => {
  it("names the reset flow whose record was merged into a clean flow's of its tuple", () => {
    // The open read returns flow 2 first: flow 1's record, with its failure, merges into it.
    expect(why('e1 r1 e2@1 p.readOpen[2,1] p.readClosed')).toBe(
      "at step 5 (poll.readClosed) the aggregator merged flow 1's record into flow 2's (both tuple 1) and kept only flow 2's failures",
    );
  });

  it('passes over a merge that lost no failure (the merged-in part had none)', () => {
    // The trace's poll keeps flow 1's failure first; the close-out's poll merges it away.
    expect(why('e1 r1 e2@1 p', { agent: 'postfix' })).toBe(
      "in the close-out (poll) the aggregator merged flow 1's record into flow 2's (both tuple 1) and kept only flow 2's failures",
    );
  });

  it('blames no merge for a failure an agent hid in a record of its own', () => {
    expect(why('e1 r1 p', { agent: 'hide-all-failures' })).toBeNull();
  });
});
