/**
 * The matrix as JUnit XML: well formed (parsed by a strict parser), one suite per pair, one case
 * per cell, a failure exactly on each violated cell carrying its counterexample's events, and
 * counts on the suites that add up.
 */
import { describe, expect, it } from 'vitest';
import { runMatrix } from '../checking/matrix.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { formatEvent } from '../engine/events.js';
import { matrixJunit } from './matrixJunit.js';
import type { XmlElement } from './parseXml.js';
import { descendants, parseXml, textOf } from './parseXml.js';

const m = runMatrix({
  seed: 1,
  runs: 30,
  drivers: [findDriver('original'), findDriver('deferred-move')].map((d) => d!),
  agents: [findAgent('prefix'), findAgent('postfix')].map((a) => a!),
});
const root = parseXml(matrixJunit(m));
const named = (name: string) => (e: XmlElement) => e.name === name;

describe('matrixJunit', () => {
  it('has one suite per pair and one case per cell', () => {
    expect(root.name).toBe('testsuites');
    const suites = descendants(root).filter(named('testsuite'));
    expect(suites.map((s) => s.attrs.name)).toEqual([
      'original × prefix',
      'original × postfix',
      'deferred-move × prefix',
      'deferred-move × postfix',
    ]);
    expect(descendants(root).filter(named('testcase'))).toHaveLength(m.cells.length);
    expect(root.attrs.tests).toBe(String(m.cells.length));
  });

  it('fails exactly the violated cells, with their counterexamples, and counts them', () => {
    const violated = m.cells.filter((c) => c.verdict === 'violated');
    expect(violated.length).toBeGreaterThan(0);
    expect(violated.length).toBeLessThan(m.cells.length);
    const cases = descendants(root).filter(named('testcase'));
    m.cells.forEach((c, i) => {
      const tc = cases[i] as XmlElement;
      expect([tc.attrs.classname, tc.attrs.name]).toEqual([
        `${c.driver} × ${c.agent}`,
        c.invariant,
      ]);
      const failure = descendants(tc).find(named('failure'));
      expect(failure !== undefined).toBe(c.verdict === 'violated');
      if (failure === undefined) return;
      const lines = textOf(failure).split('\n');
      expect(lines).toHaveLength(c.counterexampleLength as number);
      expect(lines[0]).toBe(`1. ${formatEvent((c.counterexample ?? [])[0]!)}`);
    });
    expect(root.attrs.failures).toBe(String(violated.length));
    const suites = descendants(root).filter(named('testsuite'));
    const sum = suites.reduce((a, s) => a + Number(s.attrs.failures), 0);
    expect(sum).toBe(violated.length);
  });
});

describe('matrixJunit of a violation without its counterexample', () => {
  it('says the length is unknown and lists no event', () => {
    const xml = matrixJunit({
      environment: 'production',
      seed: 1,
      runs: 2,
      layers: 4,
      cells: [
        {
          driver: 'original',
          agent: 'prefix',
          invariant: 'A',
          verdict: 'violated',
          tried: 2,
          counterexampleLength: null,
          counterexample: null,
        },
      ],
      sometimes: [],
    });
    expect(xml).toContain(
      '      <failure message="violated after 2 sequence(s); shrunk to ? events" type="violated"></failure>',
    );
  });
});
