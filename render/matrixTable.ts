/**
 * The fix-design matrix as a colour-coded HTML table: one row per driver × agent pair, one column
 * per invariant, ✓ (green) or ✗n (red, n the shrunk counterexample's length), linked to the
 * saved counterexample below when there is one.
 */
import type { Cell, Matrix } from '../checking/matrix.js';
import { escapeXml } from './escapeXml.js';

/** What the table needs beside the matrix. */
export interface MatrixTableOptions {
  /** The one-line statement of each invariant, by name (the column tooltips). */
  readonly statements: ReadonlyMap<string, string>;
  /** The page anchor of a cell's saved counterexample, by `<driver>--<agent>--<Invariant>`. */
  readonly links: ReadonlyMap<string, string>;
}

/**
 * The name a saved counterexample of this cell has (docs/style.md#file-names-carry-the-meaning),
 * without `.json`.
 */
const cellFileName = (c: Pick<Cell, 'driver' | 'agent' | 'invariant'>): string =>
  `${c.driver}--${c.agent}--${c.invariant}`;

function cellHtml(c: Cell | undefined, options: MatrixTableOptions): string {
  if (c === undefined) return '<td class="unknown">-</td>';
  if (c.verdict === 'holds')
    return `<td class="holds" title="holds on ${c.tried} sequences">✓</td>`;
  const text = `✗${c.counterexampleLength ?? ''}`;
  const anchor = options.links.get(cellFileName(c));
  const title = `violated: shrunk counterexample of ${c.counterexampleLength ?? '?'} events${anchor === undefined ? '' : ', saved'}`;
  const body = anchor === undefined ? text : `<a href="#${escapeXml(anchor)}">${text}</a>`;
  return `<td class="violated" title="${escapeXml(title)}">${body}</td>`;
}

/**
 * The matrix as `<table id="matrix">`.
 *
 * @example
 * matrixTable(m, { statements, links }) //=> '<table id="matrix" class="matrix">…<td class="violated" …>✗7</td>…'
 */
export function matrixTable(m: Matrix, options: MatrixTableOptions): string {
  const names = [...new Set(m.cells.map((c) => c.invariant))];
  const pairs = [...new Map(m.cells.map((c) => [`${c.driver}\u0000${c.agent}`, c])).values()];
  const byKey = new Map(m.cells.map((c) => [cellFileName(c), c]));
  const head = names
    .map(
      (n) =>
        `<th scope="col" class="invariant" title="${escapeXml(options.statements.get(n) ?? n)}">${escapeXml(n)}</th>`,
    )
    .join('');
  const rows = pairs.map((p) => {
    const cells = names
      .map((n) => cellHtml(byKey.get(cellFileName({ ...p, invariant: n })), options))
      .join('');
    return `<tr><th scope="row">${escapeXml(p.driver)}</th><th scope="row">${escapeXml(p.agent)}</th>${cells}</tr>`;
  });
  return [
    '<table id="matrix" class="matrix">',
    `<thead><tr><th scope="col">driver</th><th scope="col">agent</th>${head}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
