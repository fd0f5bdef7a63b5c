import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowId } from './events.js';
import { parseTrace, serializeTrace } from './trace.js';

const names = {
  drivers: ['original', 'flow-lock'],
  agents: ['prefix', 'postfix'],
  invariants: ['RateAtMost100'],
};
const file = (
  extra: Record<string, unknown> = {},
  events: unknown[] = [{ type: 'establish', flow: 1 }],
) =>
  JSON.stringify({
    format: 'lingering-trace/v1',
    driver: 'original',
    agent: 'prefix',
    events,
    ...extra,
  });
const problem = (text: string) => {
  const r = parseTrace(text, names);
  return r.ok ? 'parsed' : r.error.message;
};

describe('parseTrace', () => {
  it('reads the bundled example with layers 4', () => {
    const r = parseTrace(readFileSync('counterexamples/pr-50823-three-polls.json', 'utf8'), {
      ...names,
      drivers: ['original'],
    });
    expect(r.ok && [r.value.layers, r.value.events.length]).toEqual([4, 14]);
  });

  it('defaults layers to 4 and brands flow numbers', () => {
    const r = parseTrace(file(), names);
    expect(r.ok && r.value).toMatchObject({
      layers: 4,
      events: [{ type: 'establish', flow: flowId(1) }],
    });
  });

  it.each([
    ['{', /^file: got invalid JSON/],
    [file({ format: 'v2' }), /^format: got "v2"; allowed: lingering-trace\/v1$/],
    [file({ driver: 'orignal' }), /^driver: got "orignal"; allowed: original, flow-lock$/],
    [file({ agent: 'x' }), /^agent: got "x"; allowed: prefix, postfix$/],
    [file({ violated: 'Nope' }), /^violated: got "Nope"; allowed: RateAtMost100$/],
    [file({ extra: 1 }), /^extra: got an unknown field/],
    [
      file({}, [{ type: 'explode', flow: 1 }]),
      /^events\[0\]\.type: got "explode"; allowed: establish, traffic/,
    ],
    [file({}, [{ type: 'establish' }]), /^events\[0\]\.flow: got nothing \(the field is missing\)/],
    [file({}, [{ type: 'establish', flow: 0 }]), /^events\[0\]\.flow: got 0; allowed: at least 1$/],
    [file({}, [{ type: 'traffic', flow: 1, bytes: 1.5 }]), /^events\[0\]\.bytes: got 1.5/],
    [file({}, [{ type: 'poll', flow: 1 }]), /^events\[0\]\.flow: got an unknown field/],
    [
      JSON.stringify({ format: 'lingering-trace/v1', driver: 'original', agent: 'prefix' }),
      /^events: got nothing/,
    ],
    [file({ layers: -1 }), /^layers: got -1; allowed: at least 1$/],
  ])('names the problem in one line: %s', (text, message) => {
    const m = problem(text);
    expect(m).toMatch(message);
    expect(m).not.toContain('\n');
  });
});

describe('serializeTrace', () => {
  it('writes one event per line with keys in the documented order and reads back the same', () => {
    const r = parseTrace(
      file({ violated: 'RateAtMost100', expect: 'violates' }, [
        { type: 'poll', step: 'readOpen' },
        { type: 'traffic', flow: 2, bytes: 10 },
      ]),
      names,
    );
    if (!r.ok) throw r.error;
    const text = serializeTrace(r.value);
    expect(text).toBe(
      [
        '{',
        '  "format": "lingering-trace/v1",',
        '  "driver": "original",',
        '  "agent": "prefix",',
        '  "layers": 4,',
        '  "violated": "RateAtMost100",',
        '  "expect": "violates",',
        '  "events": [',
        '    {"type": "poll", "step": "readOpen"},',
        '    {"type": "traffic", "flow": 2, "bytes": 10}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    const again = parseTrace(text, names);
    expect(again.ok && again.value).toEqual(r.value);
  });
});

describe('parseTrace messages', () => {
  it.each([
    [
      'an event without a type',
      file({}, [{ flow: 1 }]),
      'events[0].type: got undefined; allowed: establish, traffic, calloutEnter, calloutExit, reset, fin, flowDeleteNotify, poll, drain, clientRegister, clientExpire',
    ],
    [
      'a type that is not a string',
      file({}, [{ type: 5 }]),
      'events[0].type: got 5; allowed: establish, traffic, calloutEnter, calloutExit, reset, fin, flowDeleteNotify, poll, drain, clientRegister, clientExpire',
    ],
    ['a top-level array', '[]', 'file: got []; allowed: a value of type object'],
    ['a top-level null', 'null', 'file: got null; allowed: a value of type object'],
    [
      'an unknown field',
      file({ extra: 1 }),
      'extra: got an unknown field; allowed: no extra fields (docs/formats.md#trace-files)',
    ],
    [
      'a missing flow',
      file({}, [{ type: 'establish' }]),
      'events[0].flow: got nothing (the field is missing); allowed: a value of type number',
    ],
    [
      'a flow written as a string',
      file({}, [{ type: 'establish', flow: '1' }]),
      'events[0].flow: got "1"; allowed: a value of type number',
    ],
    ['too many layers', file({ layers: 17 }), 'layers: got 17; allowed: at most 16'],
    [
      'a flow above MAX_FLOW',
      file({}, [{ type: 'establish', flow: 65 }]),
      'events[0].flow: got 65; allowed: at most 64',
    ],
    [
      'a step name starting with a digit',
      file({}, [{ type: 'poll', step: '1x' }]),
      'events[0].step: got "1x"; allowed: Invalid string: must match pattern /^[A-Za-z][A-Za-z0-9]*$/',
    ],
    [
      'a step name ending with a dash',
      file({}, [{ type: 'poll', step: 'ab-' }]),
      'events[0].step: got "ab-"; allowed: Invalid string: must match pattern /^[A-Za-z][A-Za-z0-9]*$/',
    ],
    [
      'a found that is no date',
      file({ found: 'yesterday' }),
      'found: got "yesterday"; allowed: Invalid input',
    ],
    [
      'an unknown expect',
      file({ expect: 'maybe' }),
      'expect: got "maybe"; allowed: violates, holds',
    ],
    ['a null event', file({}, [null]), 'events[0]: got null; allowed: Invalid input'],
    ['an array event', file({}, [[]]), 'events[0]: got []; allowed: Invalid input'],
    ['a number event', file({}, [5]), 'events[0]: got 5; allowed: Invalid input'],
    [
      'an empty file',
      '',
      'file: got invalid JSON (Unexpected end of JSON input); allowed: a lingering-trace/v1 JSON object',
    ],
  ])('names %s exactly', (_what, text, message) => {
    expect(problem(text)).toBe(message);
  });

  it('refuses more than MAX_EVENTS events, counting them', () => {
    expect(
      problem(
        file(
          {},
          Array.from({ length: 100_001 }, () => ({ type: 'poll' })),
        ),
      ),
    ).toBe('events: got 100001 items; allowed: at most 100000');
  });

  it('shortens a value longer than 60 characters as JSON, and shows one of 60 whole', () => {
    expect(problem(file({ driver: 'x'.repeat(59) }))).toBe(
      `driver: got "${'x'.repeat(56)}...; allowed: original, flow-lock`,
    );
    expect(problem(file({ driver: 'x'.repeat(58) }))).toBe(
      `driver: got "${'x'.repeat(58)}"; allowed: original, flow-lock`,
    );
  });

  it('accepts expect holds, and found as a date or a date-time', () => {
    expect(problem(file({ expect: 'holds' }))).toBe('parsed');
    expect(problem(file({ found: '2026-01-02' }))).toBe('parsed');
    expect(problem(file({ found: '2026-01-02T10:00:00Z' }))).toBe('parsed');
  });
});

describe('serializeTrace with every optional field', () => {
  it('writes found, seed and path in the documented order and reads back the same', () => {
    // Arrange
    const r = parseTrace(
      file(
        {
          layers: 2,
          violated: 'RateAtMost100',
          expect: 'holds',
          found: '2026-01-02',
          seed: -7,
          path: '3:1',
        },
        [{ type: 'poll' }],
      ),
      names,
    );
    if (!r.ok) throw r.error;
    // Act
    const text = serializeTrace(r.value);
    // Assert
    expect(text.split('\n').slice(0, 10)).toEqual([
      '{',
      '  "format": "lingering-trace/v1",',
      '  "driver": "original",',
      '  "agent": "prefix",',
      '  "layers": 2,',
      '  "violated": "RateAtMost100",',
      '  "expect": "holds",',
      '  "found": "2026-01-02",',
      '  "seed": -7,',
      '  "path": "3:1",',
    ]);
    const again = parseTrace(text, names);
    expect(again.ok && again.value).toEqual(r.value);
  });
});
