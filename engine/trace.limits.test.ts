/**
 * parseTrace's limits, each named in one exact line: the JSON depth, the traffic a trace may add
 * up to, and a number past a field's bound named by the field's bound rather than by 2^53 − 1.
 * Also the document schema the published JSON Schema is made from.
 */
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from './jsonDepth.js';
import { EventJsonSchema, parseTrace, serializeTrace, TraceDocumentSchema } from './trace.js';

const names = { drivers: ['original'], agents: ['prefix'], invariants: [] };
const head = { format: 'lingering-trace/v1', driver: 'original', agent: 'prefix' };
const file = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...head, events, ...extra });
const problem = (text: string) => {
  const r = parseTrace(text, names);
  return r.ok ? 'parsed' : r.error.message;
};

describe('parseTrace, JSON depth', () => {
  it('refuses one level past the limit before parsing', () => {
    expect(problem('['.repeat(MAX_JSON_DEPTH + 1))).toBe(
      'file: got JSON nested deeper than 64 levels; allowed: at most 64 levels of arrays and objects',
    );
  });

  it('parses JSON exactly at the limit, and judges it as a file', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(problem(deep)).toBe(`file: got ${'['.repeat(57)}...; allowed: a value of type object`);
  });
});

describe('parseTrace, traffic past 2^53 − 1 bytes', () => {
  // 9007 events of 1e12 bytes and one of the rest add up to 2^53 − 1 exactly.
  const upToLimit = [
    { type: 'establish', flow: 1 },
    ...Array.from({ length: 9007 }, () => ({ type: 'traffic', flow: 1, bytes: 1e12 })),
    { type: 'traffic', flow: 1, bytes: 199_254_740_991 },
  ];

  it('accepts traffic that adds up to 2^53 − 1 bytes exactly', () => {
    expect(problem(file(upToLimit))).toBe('parsed');
  });

  it('refuses the event whose bytes pass it, with other events around', () => {
    const past = [...upToLimit, { type: 'poll' }, { type: 'traffic', flow: 1, bytes: 1 }];
    expect(problem(file(past))).toBe(
      "events[9010].bytes: got 1, which brings the trace's traffic past 2^53 − 1 bytes; allowed: at most 9007199254740991 bytes of traffic in a trace, the exact range of the engine's counters",
    );
  });
});

describe("parseTrace, a number past a field's bound", () => {
  it.each([
    [
      'a flow',
      [{ type: 'establish', flow: 1e300 }],
      'events[0].flow: got 1e+300; allowed: at most 64',
    ],
    [
      'a flow inside an order',
      [{ type: 'poll', order: [1e300] }],
      'events[0].order[0]: got 1e+300; allowed: at most 64',
    ],
    ['a client', [{ type: 'poll', client: 9 }], 'events[0].client: got 9; allowed: at most 8'],
    [
      'a flow, from below',
      [{ type: 'establish', flow: -1e300 }],
      'events[0].flow: got -1e+300; allowed: at least 1',
    ],
    [
      'a client, from below',
      [{ type: 'poll', client: -1e300 }],
      'events[0].client: got -1e+300; allowed: at least 1',
    ],
  ])('names the bound of %s', (_what, events, message) => {
    expect(problem(file(events))).toBe(message);
  });

  it("names the first field's bound, not a tighter one of a later field", () => {
    // seed has no bound of its own; events' 100000 is tighter but belongs to another field.
    const events = Array.from({ length: 100_001 }, () => ({ type: 'poll' }));
    expect(problem(file(events, { seed: 1e300 }))).toBe(
      'seed: got 1e+300; allowed: at most 9007199254740991',
    );
  });

  it('accepts clients 2 to 8', () => {
    const events = [
      { type: 'clientRegister', client: 2 },
      { type: 'poll', client: 8 },
    ];
    expect(problem(file(events))).toBe('parsed');
  });
});

describe('serializeTrace, orders', () => {
  it("writes a poll's order with a space after each comma", () => {
    const r = parseTrace(file([{ type: 'poll', order: [2, 1] }]), names);
    if (!r.ok) throw r.error;
    expect(serializeTrace(r.value).split('\n')).toContain('    {"type": "poll", "order": [2, 1]}');
  });
});

describe('TraceDocumentSchema and EventJsonSchema', () => {
  it("check each event by its type's schema", () => {
    expect(EventJsonSchema.safeParse({ type: 'establish', flow: 1 }).success).toBe(true);
    expect(EventJsonSchema.safeParse({ type: 'poll', client: 2 }).success).toBe(true);
    expect(EventJsonSchema.safeParse({ type: 'establish', flow: 0 }).success).toBe(false);
    expect(EventJsonSchema.safeParse({ type: 'explode' }).success).toBe(false);
  });

  it('accept a whole document and refuse one with a bad event', () => {
    const doc = { ...head, events: [{ type: 'establish', flow: 1 }, { type: 'poll' }] };
    expect(TraceDocumentSchema.safeParse(doc).success).toBe(true);
    const bad = { ...doc, events: [{ type: 'establish', flow: 65 }] };
    expect(TraceDocumentSchema.safeParse(bad).success).toBe(false);
  });
});
