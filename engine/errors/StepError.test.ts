/**
 * A refused event as data: its label, its reason, and where in a trace it sits.
 */
import { describe, expect, it } from 'vitest';
import { StepError } from './StepError.js';

describe('StepError', () => {
  it('prints the event and the reason when it has no position', () => {
    const e = new StepError('calloutExit(1)', 'no callout in flight on flow 1');
    expect([e.name, e.message, e.event, e.reason, e.index]).toEqual([
      'StepError',
      'calloutExit(1): no callout in flight on flow 1',
      'calloutExit(1)',
      'no callout in flight on flow 1',
      undefined,
    ]);
  });

  it('prints its position once located in a trace, and keeps the rest', () => {
    const e = new StepError('poll', 'why').at(0);
    expect([e.message, e.event, e.reason, e.index, e instanceof StepError]).toEqual([
      'events[0] poll: why',
      'poll',
      'why',
      0,
      true,
    ]);
  });
});
