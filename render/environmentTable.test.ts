/**
 * README's environment table is what the manifest and the saved counterexamples say, not text
 * written by hand: regenerate it with `npm run manifest` (or `npm run counterexamples`).
 */
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

const README = new URL('../README.md', import.meta.url).pathname;

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
