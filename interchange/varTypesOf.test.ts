/**
 * `#meta.varTypes` is read as Apalache reads it (interchange/varTypesOf.ts): one type string per
 * variable, no other, each parsing; a state is checked variable by variable against them.
 */
import { describe, expect, it } from 'vitest';
import { stateTypeIssue, varTypesOf } from './varTypesOf.js';

describe('varTypesOf', () => {
  it('parses one type per variable', () => {
    const r = varTypesOf({ format: 'ITF', varTypes: { x: 'Int', y: 'Set(Str)' } }, ['x', 'y']);
    expect(r.ok && [...r.types.keys()]).toEqual(['x', 'y']);
    expect(r.ok && r.types.get('y')).toEqual({ kind: 'Set', elem: { kind: 'Str' } });
  });

  it.each([
    [{}, '#meta.varTypes: not an object'],
    [{ varTypes: ['Int'] }, '#meta.varTypes: not an object'],
    [{ varTypes: { x: 'Int' } }, '#meta.varTypes: one type per variable (missing y, extra none)'],
    [
      { varTypes: { x: 'Int', y: 'Int', z: 'Int' } },
      '#meta.varTypes: one type per variable (missing none, extra z)',
    ],
    [{ varTypes: { x: 'Int', y: 3 } }, '#meta.varTypes.y: not a string'],
    [{ varTypes: { x: 'Int', y: 'Set(' } }, '#meta.varTypes.y: unexpected end'],
  ])('refuses %j: %s', (meta, issue) => {
    expect(varTypesOf(meta, ['x', 'y'])).toEqual({ ok: false, issue });
  });
});

describe('stateTypeIssue', () => {
  const r = varTypesOf({ varTypes: { x: 'Int', y: 'Seq(Bool)' } }, ['x', 'y']);
  const types = r.ok ? r.types : new Map();

  it('passes a state whose values have their types, ignoring #meta', () => {
    expect(
      stateTypeIssue({ '#meta': { index: 0 }, x: { '#bigint': '1' }, y: [] }, types),
    ).toBeNull();
  });

  it('names the first variable off its type, and where', () => {
    expect(stateTypeIssue({ x: { '#bigint': '1' }, y: [true, 1] }, types)).toBe(
      'y: value[1]: not a Bool',
    );
    expect(stateTypeIssue({ x: 1, y: [] }, types)).toBe('x: value: not a #bigint');
  });
});
