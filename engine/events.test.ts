import { describe, expect, it } from 'vitest';
import type { FlowId } from './events.js';
import { flowId, formatEvent } from './events.js';

describe('flowId', () => {
  it('accepts 1 to 64 and refuses the rest', () => {
    expect(flowId(1)).toBe(1);
    expect(() => flowId(0)).toThrow(RangeError);
    expect(() => flowId(1.5)).toThrow(RangeError);
    expect(() => flowId(65)).toThrow(RangeError);
  });

  it('is a branded type a plain number does not satisfy', () => {
    // @ts-expect-error a plain number is not a FlowId
    const id: FlowId = 3;
    expect(id).toBe(3);
  });
});

describe('formatEvent', () => {
  it('prints events as the DSL and the counterexamples show them', () => {
    expect(formatEvent({ type: 'flowDeleteNotify', flow: flowId(1), step: 'cas' })).toBe('flowDeleteNotify(1).cas');
    expect(formatEvent({ type: 'traffic', flow: flowId(2), bytes: 10 })).toBe('traffic(2, 10)');
    expect(formatEvent({ type: 'poll' })).toBe('poll');
  });
});
