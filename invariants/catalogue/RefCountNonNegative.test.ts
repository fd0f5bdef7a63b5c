/**
 * RefCountNonNegative: no flow's count was ever written below zero.
 */
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../engine/EngineState.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { RefCountNonNegative } from './RefCountNonNegative.js';

const { check } = RefCountNonNegative;
const lowest = (s: EngineState, id: number, n: number): EngineState => {
  const flows = s.driver.flows.slice();
  flows[id] = { ...flows[id]!, lowestRefCount: n };
  return { ...s, driver: { ...s.driver, flows } };
};

describe('RefCountNonNegative', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([
      RefCountNonNegative.name,
      RefCountNonNegative.statement,
      RefCountNonNegative.when,
    ]).toEqual(['RefCountNonNegative', 'no refCount ever goes below zero', 'everyStep']);
  });

  it('holds for a flow freed at exactly 0', () => {
    expect(check(stateAfter('e1 r1 fd1*4 p'))).toEqual({ ok: true });
  });

  it('fails on a count written below zero, naming the flow and the value', () => {
    expect(check(lowest(stateAfter('e1 e2'), 2, -1))).toEqual({
      ok: false,
      subject: 'flow 2',
      detail: 'refCount reached -1',
    });
  });
});
