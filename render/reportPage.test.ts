import { describe, expect, it } from 'vitest';
import type { Cell, Matrix } from '../checking/matrix.js';
import type { XmlElement } from './parseXml.js';
import { descendants, parseXml, textOf } from './parseXml.js';
import { entryId, reportPage } from './reportPage.js';

const cell = (driver: string, agent: string, invariant: string, length: number | null): Cell => ({
  driver,
  agent,
  invariant,
  verdict: length === null ? 'holds' : 'violated',
  tried: length === null ? 20 : 3,
  counterexampleLength: length,
  counterexample: null,
});

const MATRIX: Matrix = {
  environment: 'production',
  seed: 1,
  runs: 20,
  layers: 4,
  cells: [
    cell('original', 'prefix', 'RateAtMost100', 7),
    cell('original', 'prefix', 'NoLingeringAtQuiescence', 10),
    cell('flow-lock', 'postfix', 'RateAtMost100', null),
    cell('flow-lock', 'postfix', 'NoLingeringAtQuiescence', null),
  ],
  sometimes: [],
};

const STATEMENTS = new Map([
  ['RateAtMost100', 'backend total failures ≤ total closes'],
  ['NoLingeringAtQuiescence', 'at quiescence openFlows holds no ended flow'],
]);

describe('reportPage', () => {
  const page = reportPage({
    matrix: MATRIX,
    statements: STATEMENTS,
    entries: [
      {
        id: entryId('original--prefix--RateAtMost100.json'),
        file: 'counterexamples/original--prefix--RateAtMost100.json',
        html: '<section id="cx-original--prefix--RateAtMost100"><h2>x</h2></section>',
      },
      {
        id: entryId('broken.json'),
        file: 'counterexamples/broken.json',
        html: null,
        problem: 'events[0].type: got "x"',
      },
    ],
  });
  const root = parseXml(page);
  const table = descendants(root).find(
    (e) => e.name === 'table' && e.attrs.id === 'matrix',
  ) as XmlElement;
  const rows = descendants(table).filter((e) => e.name === 'tr');

  it('shows the matrix as a table: a row per pair, a column per invariant', () => {
    expect(
      rows.map((r) => r.children.filter((c) => typeof c !== 'string').map((c) => textOf(c))),
    ).toEqual([
      ['driver', 'agent', 'RateAtMost100', 'NoLingeringAtQuiescence'],
      ['original', 'prefix', '✗7', '✗10'],
      ['flow-lock', 'postfix', '✓', '✓'],
    ]);
  });

  it('colours the cells and links a violated cell to its saved counterexample', () => {
    const tds = descendants(table).filter((e) => e.name === 'td');
    expect(tds.map((t) => t.attrs.class)).toEqual(['violated', 'violated', 'holds', 'holds']);
    const links = descendants(table)
      .filter((e) => e.name === 'a')
      .map((a) => a.attrs.href);
    expect(links).toEqual(['#cx-original--prefix--RateAtMost100']);
  });

  it('says which saved file could not be drawn', () => {
    const broken = descendants(root).find((e) => e.attrs.id === 'cx-broken') as XmlElement;
    expect(textOf(broken)).toContain('not drawn: events[0].type: got "x"');
  });

  it('names the environment the matrix ran in', () => {
    expect(page).toContain(
      'in the production environment (docs/environment.md): seed 1, 20 generated',
    );
  });

  it('prints no date, so the same matrix gives the same bytes', () => {
    expect(page).not.toMatch(/\b20\d\d-\d\d-\d\d/);
  });
});
