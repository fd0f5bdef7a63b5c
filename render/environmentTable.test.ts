/**
 * README's environment table is what the manifest and the saved counterexamples say, not text
 * written by hand: regenerate it with `npm run manifest` (or `npm run counterexamples`).
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowId } from '../engine/events.js';
import type { Trace } from '../engine/trace.js';
import {
  changedCells,
  environmentTable,
  TABLE_MARKERS,
  withEnvironmentTable,
} from './environmentTable.js';
import { loadCounterexamples } from '../checking/loadCounterexamples.js';
import type { Manifest } from '../checking/manifest.js';
import { readManifest } from '../checking/manifest.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

describe('README: What the environment allows', () => {
  it('is the table the manifest and counterexamples/ give', () => {
    const readme = readFileSync(README, 'utf8');
    expect(
      withEnvironmentTable(readme, environmentTable(readManifest(), loadCounterexamples())),
    ).toBe(readme);
  });
});

describe('changedCells', () => {
  const manifest: Manifest = {
    about: '',
    seed: 1,
    runs: 1,
    layers: 4,
    environments: {
      isolated: { pairs: { 'a/b': { X: 'holds', Y: 'violated' } } },
      production: { pairs: { 'a/b': { X: 'violated', Y: 'violated' } } },
    },
  };
  const trace = (events: Trace['events']): Trace => ({
    format: 'lingering-trace/v1',
    driver: 'a',
    agent: 'b',
    layers: 4,
    violated: 'X',
    expect: 'violates',
    events,
  });

  it('lists the cells whose verdict differs, with the behaviours their counterexample uses', () => {
    const drained = trace([{ type: 'establish', flow: flowId(2), tuple: 1 }, { type: 'drain' }]);
    expect(changedCells(manifest, [drained])).toEqual([
      {
        pair: 'a/b',
        invariant: 'X',
        isolated: 'holds',
        production: 'violated',
        uses: ['4-tuple reuse', 'asynchronous closed-flow drain'],
        length: 2,
      },
    ]);
    expect(changedCells(manifest, [])[0]?.uses).toBeNull();
  });

  it('writes between the markers, and refuses a README without them', () => {
    const [start, end] = TABLE_MARKERS;
    expect(withEnvironmentTable(`a\n${start}\nold\n${end}\nb`, 'new\n')).toBe(
      `a\n${start}\nnew\n${end}\nb`,
    );
    expect(withEnvironmentTable('no markers', 'x')).toBeNull();
  });
});

describe('environmentTable', () => {
  const manifest: Manifest = {
    about: '',
    seed: 7,
    runs: 3,
    layers: 4,
    environments: {
      isolated: { pairs: { 'a/b': { X: 'holds', Y: 'violated', V: 'holds' } } },
      production: {
        pairs: {
          'a/b': { X: 'violated', Y: 'holds', Z: 'violated', V: 'holds' },
          'c/d': { W: 'violated' },
        },
      },
    },
  };
  const trace = (violated: string, expected: Trace['expect'], events: Trace['events']): Trace => ({
    format: 'lingering-trace/v1',
    driver: 'a',
    agent: 'b',
    layers: 4,
    violated,
    expect: expected,
    events,
  });
  const traces = [
    trace('X', 'holds', [{ type: 'establish', flow: flowId(1) }]),
    trace('X', 'violates', [{ type: 'establish', flow: flowId(2), tuple: 1 }, { type: 'drain' }]),
    trace('Z', 'violates', [{ type: 'establish', flow: flowId(1) }]),
  ];

  it('counts the behaviours each changed cell uses, and lists every changed cell with its marks', () => {
    expect(environmentTable(manifest, traces).split('\n')).toEqual([
      '| behaviour | events | upstream source | changed cells whose counterexample uses it |',
      '| --- | --- | --- | --- |',
      expect.stringMatching(/^\| 4-tuple reuse \| `establish` with `tuple` \| .* \| 1 \|$/),
      expect.stringMatching(/^\| asynchronous closed-flow drain \| .* \| 1 \|$/),
      expect.stringMatching(/^\| client churn \| .* \| 0 \|$/),
      expect.stringMatching(/^\| any table enumeration order \| .* \| 0 \|$/),
      '',
      'Cells whose verdict differs between `isolated` and `production` (seed 7, 3 sequences per pair; `checking/manifest.json`), with the behaviours the saved counterexample in `counterexamples/` uses:',
      '',
      '| pair | invariant | isolated | production | counterexample uses | events |',
      '| --- | --- | --- | --- | --- | --- |',
      '| a × b | X | ✓ | ✗ | 4-tuple reuse, asynchronous closed-flow drain | 2 |',
      '| a × b | Y | ✗ | ✓ | no file |  |',
      '| a × b | Z | absent | ✗ | none of them | 1 |',
      '| c × d | W | absent | ✗ | no file |  |',
      '',
    ]);
  });

  it('takes every cell as new when the manifest has no isolated run, and none without production', () => {
    const { isolated, production } = manifest.environments;
    expect(
      changedCells({ ...manifest, environments: { production } }, []).map((c) => c.isolated),
    ).toEqual(['absent', 'absent', 'absent', 'absent', 'absent']);
    expect(changedCells({ ...manifest, environments: { isolated } }, [])).toEqual([]);
  });
});

describe('withEnvironmentTable', () => {
  it('finds the start marker at the very start, and refuses an end marker alone or first', () => {
    const [start, end] = TABLE_MARKERS;
    expect(withEnvironmentTable(`${start}\nold\n${end}`, 'new\n')).toBe(`${start}\nnew\n${end}`);
    expect(withEnvironmentTable(`a\n${end}\nb`, 'x')).toBeNull();
    expect(withEnvironmentTable(`${end}\n${start}`, 'x')).toBeNull();
  });
});
