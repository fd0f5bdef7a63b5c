/**
 * The environments, what each allows, and which behaviours a list of events uses.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENVIRONMENT,
  ENVIRONMENTS,
  environmentFeatures,
  environmentOf,
  featuresUsed,
} from './environment.js';
import type { Event } from './events.js';
import { flowId } from './events.js';

const NONE = { tupleReuse: false, asyncDrain: false, clientChurn: false, anyOrder: false };

describe('the environments', () => {
  it('are production, the default, and isolated', () => {
    expect([DEFAULT_ENVIRONMENT, ENVIRONMENTS]).toEqual(['production', ['production', 'isolated']]);
  });

  it('production allows every behaviour and isolated none', () => {
    expect(environmentFeatures('production')).toEqual({
      tupleReuse: true,
      asyncDrain: true,
      clientChurn: true,
      anyOrder: true,
    });
    expect(environmentFeatures('isolated')).toEqual(NONE);
  });
});

describe('featuresUsed', () => {
  it('finds no behaviour in the flow events, a plain poll, and a flow given its own tuple', () => {
    const events: Event[] = [
      { type: 'establish', flow: flowId(1) },
      { type: 'establish', flow: flowId(2), tuple: 2 },
      { type: 'traffic', flow: flowId(1), bytes: 10 },
      { type: 'reset', flow: flowId(1) },
      { type: 'flowDeleteNotify', flow: flowId(1), step: 'cas' },
      { type: 'poll' },
      { type: 'poll', step: 'readOpen' },
    ];
    expect(featuresUsed(events)).toEqual(NONE);
    expect(featuresUsed([])).toEqual(NONE);
    expect(environmentOf(events)).toBe('isolated');
    expect(environmentOf([])).toBe('isolated');
  });

  it('finds each behaviour in the event that uses it, and that one only', () => {
    const one = (e: Event) => featuresUsed([{ type: 'poll' }, e, { type: 'poll' }]);
    expect(one({ type: 'establish', flow: flowId(2), tuple: 1 })).toEqual({
      ...NONE,
      tupleReuse: true,
    });
    expect(one({ type: 'drain' })).toEqual({ ...NONE, asyncDrain: true });
    expect(one({ type: 'drain', step: 'store', flow: flowId(1) })).toEqual({
      ...NONE,
      asyncDrain: true,
    });
    expect(one({ type: 'clientRegister', client: 1 })).toEqual({ ...NONE, clientChurn: true });
    expect(one({ type: 'clientExpire', client: 1 })).toEqual({ ...NONE, clientChurn: true });
    expect(one({ type: 'poll', client: 1 })).toEqual({ ...NONE, clientChurn: true });
    expect(one({ type: 'poll', step: 'readOpen', order: [flowId(1)] })).toEqual({
      ...NONE,
      anyOrder: true,
    });
  });

  it('keeps a behaviour found once for the rest of the list', () => {
    expect(
      featuresUsed([
        { type: 'drain' },
        { type: 'establish', flow: flowId(2), tuple: 1 },
        { type: 'clientExpire', client: 1 },
        { type: 'poll', step: 'readOpen', order: [] },
        { type: 'establish', flow: flowId(3) },
        { type: 'poll' },
      ]),
    ).toEqual({ tupleReuse: true, asyncDrain: true, clientChurn: true, anyOrder: true });
  });

  it('reads a field only on the event type that has it', () => {
    // Wider objects are Events too (TypeScript checks excess fields on literals only): a tuple on
    // traffic, a client and an order on a flow event are not the environment's behaviours.
    const traffic = { type: 'traffic' as const, flow: flowId(1), bytes: 1, tuple: 2 };
    const establish = { type: 'establish' as const, flow: flowId(1), client: 2, order: [1] };
    const reset = { type: 'reset' as const, flow: flowId(1), client: 1, order: [] };
    const events: Event[] = [traffic, establish, reset];
    expect(featuresUsed(events)).toEqual(NONE);
  });
});

describe('environmentOf', () => {
  it('is production when any behaviour is used, isolated when none is', () => {
    expect(environmentOf([{ type: 'drain' }])).toBe('production');
    expect(environmentOf([{ type: 'poll' }, { type: 'clientExpire', client: 1 }])).toBe(
      'production',
    );
    expect(environmentOf([{ type: 'poll', client: 1 }])).toBe('production');
    expect(environmentOf([{ type: 'establish', flow: flowId(2), tuple: 1 }])).toBe('production');
    expect(environmentOf([{ type: 'poll', step: 'readClosed', order: [] }])).toBe('production');
    expect(environmentOf([{ type: 'poll' }])).toBe('isolated');
  });
});
