import { describe, expect, it } from 'vitest';
import type { Cell, Matrix } from '../checking/matrix.js';
import { matrixTable } from './matrixTable.js';

const cell = (agent: string, invariant: string, length: number | null): Cell => ({
  driver: 'original',
  agent,
  invariant,
  verdict: 'violated',
  tried: 3,
  counterexampleLength: length,
  counterexample: null,
});

const MATRIX: Matrix = {
  environment: 'production',
  seed: 1,
  runs: 20,
  layers: 4,
  cells: [cell('prefix', 'A', 7), cell('prefix', 'B', null), cell('postfix', 'A', 2)],
  sometimes: [],
};

describe('matrixTable', () => {
  it('marks a cell the matrix lacks with a dash, and a violation of unknown length without one', () => {
    const links = new Map([['original--prefix--A', 'cx-a']]);
    const rows = matrixTable(MATRIX, { statements: new Map(), links }).split('\n').slice(3, 5);
    expect(rows).toEqual([
      '<tr><th scope="row">original</th><th scope="row">prefix</th>' +
        '<td class="violated" title="violated: shrunk counterexample of 7 events, saved"><a href="#cx-a">✗7</a></td>' +
        '<td class="violated" title="violated: shrunk counterexample of ? events">✗</td></tr>',
      '<tr><th scope="row">original</th><th scope="row">postfix</th>' +
        '<td class="violated" title="violated: shrunk counterexample of 2 events">✗2</td>' +
        '<td class="unknown">-</td></tr>',
    ]);
  });
});
