import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowId } from './events.js';
import { parseTrace, serializeTrace } from './trace.js';

const names = { drivers: ['original', 'flow-lock'], agents: ['prefix', 'postfix'], invariants: ['RateAtMost100'] };
const file = (extra: Record<string, unknown> = {}, events: unknown[] = [{ type: 'establish', flow: 1 }]) =>
  JSON.stringify({ format: 'lingering-trace/v1', driver: 'original', agent: 'prefix', events, ...extra });
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
    expect(r.ok && r.value).toMatchObject({ layers: 4, events: [{ type: 'establish', flow: flowId(1) }] });
  });

  it.each([
    ['{', /^file: got invalid JSON/],
    [file({ format: 'v2' }), /^format: got "v2"; allowed: lingering-trace\/v1$/],
    [file({ driver: 'orignal' }), /^driver: got "orignal"; allowed: original, flow-lock$/],
    [file({ agent: 'x' }), /^agent: got "x"; allowed: prefix, postfix$/],
    [file({ violated: 'Nope' }), /^violated: got "Nope"; allowed: RateAtMost100$/],
    [file({ extra: 1 }), /^extra: got an unknown field/],
    [file({}, [{ type: 'explode', flow: 1 }]), /^events\[0\]\.type: got "explode"; allowed: establish, traffic/],
    [file({}, [{ type: 'establish' }]), /^events\[0\]\.flow: got nothing \(the field is missing\)/],
    [file({}, [{ type: 'establish', flow: 0 }]), /^events\[0\]\.flow: got 0; allowed: at least 1$/],
    [file({}, [{ type: 'traffic', flow: 1, bytes: 1.5 }]), /^events\[0\]\.bytes: got 1.5/],
    [file({}, [{ type: 'poll', flow: 1 }]), /^events\[0\]\.flow: got an unknown field/],
    [JSON.stringify({ format: 'lingering-trace/v1', driver: 'original', agent: 'prefix' }), /^events: got nothing/],
    [file({ layers: -1 }), /^layers: got -1; allowed: at least 1$/],
  ])('names the problem in one line: %s', (text, message) => {
    const m = problem(text);
    expect(m).toMatch(message);
    expect(m).not.toContain('\n');
  });
});

describe('serializeTrace', () => {
  it('writes one event per line with keys in SPEC order and reads back the same', () => {
    const r = parseTrace(file({ violated: 'RateAtMost100', expect: 'violates' }, [{ type: 'poll', step: 'readOpen' }, { type: 'traffic', flow: 2, bytes: 10 }]), names);
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
