import { describe, expect, it } from 'vitest';
import type { Event, FlowId } from './events.js';
import {
  clientsNamed,
  EVENT_TYPES,
  eventToJson,
  flowId,
  flowOf,
  formatEvent,
  isFlowEvent,
  MAX_FLOW,
} from './events.js';

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
    expect(formatEvent({ type: 'flowDeleteNotify', flow: flowId(1), step: 'cas' })).toBe(
      'flowDeleteNotify(1).cas',
    );
    expect(formatEvent({ type: 'traffic', flow: flowId(2), bytes: 10 })).toBe('traffic(2, 10)');
    expect(formatEvent({ type: 'poll' })).toBe('poll');
  });
});

describe('flowId bounds', () => {
  it('accepts MAX_FLOW and names the range when it refuses', () => {
    expect(flowId(MAX_FLOW)).toBe(64);
    expect(() => flowId(0)).toThrow(new RangeError('flow must be an integer from 1 to 64, got 0'));
  });
});

describe('isFlowEvent', () => {
  it("is true for the driver's events on one flow, false for the poll and the environment's events", () => {
    expect(
      EVENT_TYPES.map((type) => isFlowEvent({ type, flow: flowId(1), bytes: 1, client: 1 })),
    ).toEqual([true, true, true, true, true, true, true, false, false, false, false]);
  });
});

describe('flowOf', () => {
  it('names the flow of a flow event and of a drain store, and no other', () => {
    expect(flowOf({ type: 'reset', flow: flowId(2) })).toBe(2);
    expect(flowOf({ type: 'drain', step: 'store', flow: flowId(3) })).toBe(3);
    expect([
      flowOf({ type: 'drain' }),
      flowOf({ type: 'poll' }),
      flowOf({ type: 'clientExpire', client: 1 }),
    ]).toEqual([undefined, undefined, undefined]);
  });
});

describe("the environment's events", () => {
  it('print and write their fields in a fixed order', () => {
    const events: Event[] = [
      { type: 'establish', flow: flowId(2), tuple: 1 },
      { type: 'poll', client: 2, step: 'readOpen', order: [flowId(2), flowId(1)] },
      { type: 'drain', step: 'store', flow: flowId(2) },
      { type: 'clientExpire', client: 1 },
    ];
    expect(events.map(formatEvent)).toEqual([
      'establish(2, tuple 1)',
      'poll(client 2).readOpen[2, 1]',
      'drain.store(2)',
      'clientExpire(1)',
    ]);
    expect(events.map((e) => JSON.stringify(eventToJson(e)))).toEqual([
      '{"type":"establish","flow":2,"tuple":1}',
      '{"type":"poll","client":2,"step":"readOpen","order":[2,1]}',
      '{"type":"drain","flow":2,"step":"store"}',
      '{"type":"clientExpire","client":1}',
    ]);
  });
});

describe('formatEvent and eventToJson with a step field left undefined', () => {
  it('print no step', () => {
    expect(formatEvent({ type: 'poll', step: undefined })).toBe('poll');
    expect(formatEvent({ type: 'calloutExit', flow: flowId(3), step: undefined })).toBe(
      'calloutExit(3)',
    );
    expect(eventToJson({ type: 'flowDeleteNotify', flow: flowId(3), step: undefined })).toEqual({
      type: 'flowDeleteNotify',
      flow: 3,
    });
  });
});

describe('eventToJson', () => {
  it('writes the fields of each event type in the documented key order', () => {
    const json = [
      eventToJson({ type: 'poll' }),
      eventToJson({ type: 'poll', step: 'readOpen' }),
      eventToJson({ type: 'traffic', flow: flowId(2), bytes: 10 }),
      eventToJson({ type: 'flowDeleteNotify', flow: flowId(1), step: 'cas' }),
      eventToJson({ type: 'reset', flow: flowId(4) }),
    ];
    expect(json.map((o) => JSON.stringify(o))).toEqual([
      '{"type":"poll"}',
      '{"type":"poll","step":"readOpen"}',
      '{"type":"traffic","flow":2,"bytes":10}',
      '{"type":"flowDeleteNotify","flow":1,"step":"cas"}',
      '{"type":"reset","flow":4}',
    ]);
  });
});

describe('eventToJson keys', () => {
  it('writes only the keys the event type has, with no key left undefined', () => {
    // toEqual ignores undefined keys; Object.keys shows a key set to undefined (a poll has no flow,
    // only traffic has bytes, and a step field left undefined is no step).
    expect(Object.keys(eventToJson({ type: 'poll' }))).toEqual(['type']);
    expect(Object.keys(eventToJson({ type: 'reset', flow: flowId(4) }))).toEqual(['type', 'flow']);
    expect(Object.keys(eventToJson({ type: 'poll', step: undefined }))).toEqual(['type']);
    expect(
      Object.keys(eventToJson({ type: 'calloutExit', flow: flowId(3), step: undefined })),
    ).toEqual(['type', 'flow']);
  });
});

describe('clientsNamed', () => {
  it('is the highest client the events name, 1 when none does', () => {
    expect(clientsNamed([])).toBe(1);
    expect(clientsNamed([{ type: 'establish', flow: flowId(5) }, { type: 'poll' }])).toBe(1);
    expect(clientsNamed([{ type: 'poll', client: undefined }])).toBe(1);
    expect(
      clientsNamed([
        { type: 'poll', client: 2 },
        { type: 'clientExpire', client: 3 },
        { type: 'reset', flow: flowId(7) },
        { type: 'clientRegister', client: 1 },
        { type: 'poll' },
      ]),
    ).toBe(3);
  });
});

describe('fields on an event type that does not have them', () => {
  // Wider objects are Events too (TypeScript checks excess fields on literals only).
  const drain = { type: 'drain' as const, order: [flowId(1)] };
  const poll = { type: 'poll' as const, flow: flowId(2) };

  it('eventToJson writes an order for a poll only', () => {
    const e: Event = drain;
    expect(eventToJson(e)).toEqual({ type: 'drain' });
  });

  it('flowOf names no flow for a poll', () => {
    const e: Event = poll;
    expect(flowOf(e)).toBeUndefined();
  });
});
