/**
 * BaselineHygiene: after a poll the client keeps baselines for exactly the cookies active in it.
 */
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../engine/EngineState.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { BaselineHygiene } from './BaselineHygiene.js';
import { injectedState } from '../teethFixtures.js';

const { check } = BaselineHygiene;

/** A state after one poll, with the poll's reads and the baselines it left replaced. */
function polled(openCookies: number[], closedCookies: number[], kept: number[]): EngineState {
  const s = stateAfter('e1 p');
  return { ...s, lastPoll: { ...s.lastPoll!, openCookies, closedCookies, baselines: kept } };
}

describe('BaselineHygiene', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([BaselineHygiene.name, BaselineHygiene.statement, BaselineHygiene.when]).toEqual([
      'BaselineHygiene',
      'after a poll the baselines are exactly the active cookies',
      'everyStep',
    ]);
  });

  it('holds before any poll and after the engine polls', () => {
    expect(check(stateAfter('e1'))).toEqual({ ok: true });
    expect(check(stateAfter('e1 e2 r1 fd1*3 p.readOpen fd1 p.readClosed'))).toEqual({ ok: true });
  });

  it('holds when the baselines are the open cookies not drained, in any order, once each', () => {
    expect(check(polled([10, 9, 9, 3], [3], [9, 10]))).toEqual({ ok: true });
  });

  it('fails on a baseline for a cookie the poll drained', () => {
    expect(check(polled([1, 2], [1], [1, 2]))).toEqual({
      ok: false,
      subject: 'client 1',
      detail: 'baselines for [1, 2] after poll 1, active [2]',
    });
  });

  it('fails on a missing baseline, listing both sides in number order', () => {
    expect(check(polled([10, 9, 2], [], [10, 2]))).toEqual({
      ok: false,
      subject: 'client 1',
      detail: 'baselines for [2, 10] after poll 1, active [2, 9, 10]',
    });
  });

  it('judges what the poll left, not what an expiry or a registration did since', () => {
    expect(check(stateAfter('e1 p exp1'))).toEqual({ ok: true });
    expect(check(stateAfter('e1 p exp1 reg1'))).toEqual({ ok: true });
    expect(stateAfter('e1 p').lastPoll?.baselines).toEqual([1]);
  });

  it("witness: the poll's open read emptied, so the kept baseline was of no active cookie", () => {
    expect(check(injectedState(BaselineHygiene))).toEqual({
      ok: false,
      subject: 'client 1',
      detail: 'baselines for [1] after poll 1, active []',
    });
  });

  it('witness: a state with no poll is left as it is', () => {
    const s = stateAfter('e1');
    expect(BaselineHygiene.witness.inject(s)).toBe(s);
  });
});
