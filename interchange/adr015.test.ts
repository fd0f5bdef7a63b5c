/**
 * Every saved counterexample, exported as `export` writes it (interchange/itfSteps.ts and
 * interchange/writeItf.ts, the head from interchange/toItf.ts), keeps ADR-015's rules, checked here
 * by hand rather than by the schema the export checks itself with: the top-level fields, each
 * state's index and variables, integers only as `#bigint` strings of decimal digits (no plain
 * JSON number in a state), and a `#meta.varTypes` type for every variable that parses and that
 * every state's value has (apalache-mc ADR-015 "ITF as input to Apalache").
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTrace } from '../checking/loadTrace.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { clientsNamed } from '../engine/events.js';
import { typeIssue } from './conformsTo.js';
import { itfSteps } from './itfSteps.js';
import { parseApalacheType } from './parseApalacheType.js';
import { ITF_VARS, itfMeta } from './toItf.js';
import { itfWriter } from './writeItf.js';

const FILES = readdirSync('counterexamples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => `counterexamples/${f}`);

type Json = Record<string, unknown>;

/** `file` exported as `lingering export FILE --format itf` writes it, parsed back. */
function exported(file: string): Json {
  const t = loadTrace(file);
  const clients = clientsNamed(t.events);
  const driver = findDriver(t.driver)!;
  const agent = findAgent(t.agent)!;
  const source = {
    source: file,
    driver: driver.name,
    agent: agent.name,
    layers: t.layers,
    clients,
  };
  const chunks: string[] = [];
  const w = itfWriter({ '#meta': itfMeta(source, t.events.length), vars: ITF_VARS }, (c) =>
    chunks.push(c),
  );
  const refused = itfSteps({ driver, agent, layers: t.layers, clients }, t.events, w.state);
  w.end();
  expect(refused).toBeNull();
  return JSON.parse(chunks.join('')) as Json;
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where in `v` a plain JSON number or a `#bigint` other than decimal digits sits, if anywhere. */
function numberAt(v: unknown, path: string): string | null {
  if (typeof v === 'number') return path;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const at = numberAt(x, `${path}[${i}]`);
      if (at !== null) return at;
    }
    return null;
  }
  if (!isObject(v)) return null;
  if ('#bigint' in v)
    return typeof v['#bigint'] === 'string' && /^-?\d+$/.test(v['#bigint']) ? null : path;
  for (const [k, x] of Object.entries(v)) {
    const at = numberAt(x, `${path}.${k}`);
    if (at !== null) return at;
  }
  return null;
}

describe.each(FILES)('the ITF export of %s', (file) => {
  const itf = exported(file);
  const vars = itf.vars as string[];
  const states = itf.states as Json[];

  it('has #meta, vars and states at the top, and params and loop only as ADR-015 has them', () => {
    expect(isObject(itf['#meta'])).toBe(true);
    for (const k of Object.keys(itf))
      expect(['#meta', 'params', 'vars', 'states', 'loop']).toContain(k);
    expect(vars.length).toBeGreaterThan(0);
    expect(vars.every((v) => typeof v === 'string')).toBe(true);
    expect(new Set(vars).size).toBe(vars.length);
    expect(Array.isArray(states)).toBe(true);
    if ('params' in itf)
      expect((itf.params as unknown[]).every((p) => typeof p === 'string')).toBe(true);
    if ('loop' in itf) {
      expect(Number.isInteger(itf.loop)).toBe(true);
      expect(itf.loop).toBeLessThan(states.length);
    }
  });

  it('gives every state its position as #meta.index and exactly the variables', () => {
    states.forEach((s, i) => {
      expect((s['#meta'] as Json).index).toBe(i);
      expect(
        Object.keys(s)
          .filter((k) => k !== '#meta')
          .sort(),
      ).toEqual([...vars].sort());
    });
  });

  it('writes no plain JSON number in a state, only #bigint decimal strings', () => {
    for (const [i, s] of states.entries())
      for (const v of vars) expect(numberAt(s[v], `states[${i}].${v}`)).toBeNull();
  });

  it('declares a type for exactly the variables, each parsing, each value having it', () => {
    const varTypes = (itf['#meta'] as Json).varTypes as Record<string, string>;
    expect(Object.keys(varTypes).sort()).toEqual([...vars].sort());
    const types = new Map(vars.map((v) => [v, parseApalacheType(varTypes[v] as string)]));
    for (const [i, s] of states.entries())
      for (const [v, t] of types) expect(typeIssue(s[v], t), `states[${i}].${v}`).toBeNull();
  });
});

describe('the checks above', () => {
  it('find a plain number, a #bigint of other than digits, and a value off its type', () => {
    const s = exported(FILES[0]!).states as Json[];
    const first = s[0] as Json;
    expect(numberAt({ ...first, '#meta': {}, polls: 0 }, 'state')).toBe('state.polls');
    expect(numberAt({ a: [{ '#bigint': '1e3' }] }, 'x')).toBe('x.a[0]');
    expect(numberAt({ ...first, '#meta': {} }, 'state')).toBeNull();
    expect(typeIssue({ '#set': [] }, 'Seq(Int)')).toBe('value: not a list');
  });
});
