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

describe('reportPage legend and saved files', () => {
  const page = reportPage({
    matrix: {
      ...MATRIX,
      cells: [...MATRIX.cells, cell('original', 'prefix', 'Unstated', null)],
      sometimes: [
        { driver: 'original', agent: 'prefix', scenario: 'drain race', runs: 0 },
        { driver: 'original', agent: 'prefix', scenario: 'churn', runs: 3 },
        { driver: 'flow-lock', agent: 'postfix', scenario: 'churn', runs: 0 },
      ],
    },
    statements: STATEMENTS,
    entries: [],
  });

  it('states each invariant in the legend, and leaves one without a statement blank', () => {
    expect(page).toContain(
      '<li><b>RateAtMost100</b>: backend total failures ≤ total closes</li>\n<li><b>NoLingeringAtQuiescence</b>: at quiescence openFlows holds no ended flow</li>\n<li><b>Unstated</b>: </li>\n</ol>',
    );
  });

  it('lists the scenarios a pair never reached, and only those', () => {
    expect(page).toContain(
      '<p class="bad">Scenarios never reached (the ✓ of these pairs say little):</p>\n<ul class="meta">\n<li>original × prefix: drain race</li>\n<li>flow-lock × postfix: churn</li>\n</ul>\n<h2 id="counterexamples">',
    );
  });

  it('says when there is no saved counterexample', () => {
    expect(page).toContain(
      '<h2 id="counterexamples">Saved counterexamples</h2>\n<p class="meta">No file in counterexamples/.</p>',
    );
  });

  it('says the problem is unknown when a file could not be drawn for no stated reason', () => {
    const one = reportPage({
      matrix: MATRIX,
      statements: STATEMENTS,
      entries: [{ id: 'cx-odd', file: 'counterexamples/odd.json', html: null }],
    });
    expect(one).toContain(
      '<section id="cx-odd">\n<h2>counterexamples/odd.json</h2>\n<p class="bad">not drawn: unknown problem</p>\n</section>',
    );
  });
});
