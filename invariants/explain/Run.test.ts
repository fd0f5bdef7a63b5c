/**
 * What explainers share: the first explainer that finds a cause, where a step is (trace or
 * close-out), and which states completed a poll.
 */
import { describe, expect, it } from 'vitest';
import { runAfter } from '../../checking/fixtures/runs.js';
import { at, firstOf, polls, type Explainer } from './Run.js';

const none: Explainer = () => null;
const says =
  (why: string): Explainer =>
  () =>
    why;

// Two polls in the trace (events 3 and 5), then the close-out's.
const run = runAfter('e1 t1 p t1 p');

describe('firstOf', () => {
  it('answers with the first explainer that finds a cause', () => {
    expect(firstOf(none, says('b'), says('c'))(run)).toBe('b');
  });

  it('is null when none does', () => {
    expect(firstOf(none, none)(run)).toBeNull();
  });
});

describe('at', () => {
  it('places the last event of the trace at its step and the next in the close-out', () => {
    expect([at(run, 5), at(run, 6)]).toEqual([
      'at step 5 (poll)',
      'in the close-out (traffic(1, 1))',
    ]);
  });
});

describe('polls', () => {
  it('lists each state that completed a poll, with the poll and the state before it', () => {
    // The close-out: traffic(1, 1) poll traffic(1, 1) poll poll poll.
    const found = polls(run);
    expect(found.map((p) => [p.i, p.poll.index])).toEqual([
      [3, 1],
      [5, 2],
      [7, 3],
      [9, 4],
      [10, 5],
      [11, 6],
    ]);
    expect(found.every((p) => p.poll === run.states[p.i]?.lastPoll)).toBe(true);
    expect(found.every((p) => p.before === run.states[p.i - 1])).toBe(true);
  });

  it('counts a poll in steps once, when its closed read completes it', () => {
    expect(polls(runAfter('e1 p.readOpen t1 p.readClosed t1')).map((p) => p.i)[0]).toBe(4);
  });
});
