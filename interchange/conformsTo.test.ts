/**
 * `conformsTo` (interchange/conformsTo.ts) checks an ITF value against an Apalache type as
 * Apalache's ITF reader does, and says where and why a value fails.
 */
import { describe, expect, it } from 'vitest';
import { conformsTo, typeIssue } from './conformsTo.js';

const n = (x: number) => ({ '#bigint': String(x) });
const NONE = { tag: 'None', value: { '#tup': [] } };
const OPTION = 'Some(Int) | None(UNIT)';

describe('conformsTo', () => {
  it.each([
    [n(-12), 'Int'],
    ['open', 'Str'],
    [false, 'Bool'],
    [{ '#set': [] }, 'Set(Int)'],
    [{ '#set': [n(1), n(2)] }, 'Set(Int)'],
    [[], 'Seq(Bool)'],
    [[true, false], 'Seq(Bool)'],
    [{ '#map': [[n(1), 'a']] }, 'Int -> Str'],
    [{ '#map': [] }, 'Int -> { a: Int }'],
    [{ '#tup': [n(1), 'x'] }, '<<Int, Str>>'],
    [{ a: n(1), b: [] }, '{ a: Int, b: Seq(Int) }'],
    [NONE, OPTION],
    [{ tag: 'Some', value: n(3) }, OPTION],
    [{ tag: 'None', value: 'U_OF_UNIT' }, OPTION],
    ['c1_OF_PERSON', 'PERSON'],
    [{ '#map': [[n(1), { o: NONE }]] }, 'Int -> { o: Some(Int) | None(UNIT) }'],
  ])('accepts %j as %s', (value, type) => {
    expect(typeIssue(value, type)).toBeNull();
    expect(conformsTo(value, type)).toBe(true);
  });

  it.each([
    [3, 'Int', 'value: not a #bigint'],
    [{ '#bigint': '1.5' }, 'Int', 'value: not a #bigint'],
    [{ '#bigint': '1', x: 1 }, 'Int', 'value: not a #bigint'],
    [n(1), 'Str', 'value: not a Str'],
    ['true', 'Bool', 'value: not a Bool'],
    [[n(1)], 'Set(Int)', 'value: not a #set'],
    [{ '#set': [n(1), 'x'] }, 'Set(Int)', 'value.#set[1]: not a #bigint'],
    [{ '#set': [] }, 'Seq(Int)', 'value: not a list'],
    [[n(1), true], 'Seq(Int)', 'value[1]: not a #bigint'],
    [{ '#map': [[n(1)]] }, 'Int -> Str', 'value.#map[0]: not a [key, value] pair'],
    [{ '#map': [['1', 'a']] }, 'Int -> Str', 'value.#map[0][0]: not a #bigint'],
    [{ '#map': [[n(1), n(2)]] }, 'Int -> Str', 'value.#map[0][1]: not a Str'],
    [{ '#tup': [n(1)] }, '<<Int, Str>>', 'value: not a #tup of 2'],
    [{ '#tup': [n(1), n(2)] }, '<<Int, Str>>', 'value.#tup[1]: not a Str'],
    [{ a: n(1) }, '{ a: Int, b: Int }', "value: not the record's fields (missing b, extra none)"],
    [{ a: n(1), c: true }, '{ a: Int }', "value: not the record's fields (missing none, extra c)"],
    [{ a: 'x' }, '{ a: Int }', 'value.a: not a #bigint'],
    [{ tag: 'Maybe', value: n(1) }, OPTION, 'value.tag: not one of Some, None'],
    [{ tag: 'Some', value: 'x' }, OPTION, 'value.value: not a #bigint'],
    [{ tag: 'Some' }, OPTION, 'value: not a variant {tag, value}'],
    [{ tag: 'None', value: { '#tup': [true] } }, OPTION, 'value.value: not a UNIT'],
    ['c1_OF_BOAT', 'PERSON', 'value: not a PERSON'],
  ])('rejects %j as %s: %s', (value, type, issue) => {
    expect(typeIssue(value, type)).toBe(issue);
    expect(conformsTo(value, type)).toBe(false);
  });

  it('throws on a type that does not parse', () => {
    expect(() => conformsTo(true, 'Boolean')).toThrow('unknown type Boolean');
  });
});
