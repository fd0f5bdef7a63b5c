/**
 * The ITF value check `export` runs on every state (interchange/itfValueIssue.ts) accepts what
 * ADR-015 allows and names where and why anything else fails (a plain JSON number among them); the per-state check finds what the
 * whole-trace schema finds.
 */
import { describe, expect, it } from 'vitest';
import { ItfTraceSchema, ItfValueSchema, itfStateIssue } from './ofItf.js';
import { itfValueIssue } from './itfValueIssue.js';

describe('itfValueIssue', () => {
  it.each([
    true,
    'open',
    [],
    {},
    { '#bigint': '-12' },
    { '#tup': [] },
    { '#set': [{ '#bigint': '1' }] },
    { '#map': [[{ '#bigint': '1' }, { tag: 'None', value: { '#tup': [] } }]] },
    { '#unserializable': 'f' },
    { flows: { '#map': [] }, polls: { '#bigint': '0' } },
  ])('accepts %j', (v) => {
    expect(itfValueIssue(v)).toBeNull();
    expect(ItfValueSchema.safeParse(v).success).toBe(true);
  });

  it.each([
    [3, 'value: a plain number (ITF writes integers as {"#bigint": "…"})'],
    [1.5, 'value: a plain number (ITF writes integers as {"#bigint": "…"})'],
    [null, 'value: not an ITF value'],
    [{ '#bigint': '1.5' }, "value.#bigint: not an integer's digits"],
    [{ '#bigint': 1 }, "value.#bigint: not an integer's digits"],
    [{ '#map': [[1]] }, 'value.#map[0]: not a [key, value] pair'],
    [{ '#map': {} }, 'value.#map: #map takes an array of [key, value] pairs'],
    [{ '#set': {} }, 'value.#set: not an array'],
    [{ '#tup': [true, [null]] }, 'value.#tup[1][0]: not an ITF value'],
    [
      { '#set': [{ '#bigint': '1' }, 2] },
      'value.#set[1]: a plain number (ITF writes integers as {"#bigint": "…"})',
    ],
    [
      { '#map': [[{ '#bigint': '1' }, 0]] },
      'value.#map[0][1]: a plain number (ITF writes integers as {"#bigint": "…"})',
    ],
    [{ '#bigint': '1', x: true }, 'value: a #-tagged value has one field'],
    [{ '#list': [] }, 'value: unknown tag #list'],
    [{ '#unserializable': 1 }, 'value.#unserializable: not a string'],
    [
      { a: { b: [true, 0] } },
      'value.a.b[1]: a plain number (ITF writes integers as {"#bigint": "…"})',
    ],
    [{ a: true, '#b': true }, 'value.#b: a field name not starting with #'],
  ])('rejects %j: %s', (v, issue) => {
    expect(itfValueIssue(v)).toBe(issue);
    expect(ItfValueSchema.safeParse(v).error?.issues[0]?.message).toBe(issue);
  });
});

describe('itfStateIssue', () => {
  const vars = ['x', 'y'];
  it.each([
    [{ '#meta': { index: 0 }, x: true, y: { '#bigint': '2' } }, null],
    [{ '#meta': { index: 1 }, x: true, y: true }, 'index 0'],
    [{ '#meta': { index: 0 }, x: true }, 'variables x, y exactly (missing y, extra none)'],
    [
      { '#meta': { index: 0 }, x: true, y: true, z: false },
      'variables x, y exactly (missing none, extra z)',
    ],
    [
      { '#meta': { index: 0 }, x: true, y: 2 },
      'value: a plain number (ITF writes integers as {"#bigint": "…"})',
    ],
  ])('finds in %j what the trace schema finds: %s', (state, issue) => {
    expect(itfStateIssue(state, 0, vars)).toBe(issue);
    const whole = ItfTraceSchema.safeParse({ '#meta': {}, vars, states: [state] });
    expect(whole.error?.issues[0]?.message ?? null).toBe(issue);
  });
});
