/**
 * The report page: the matrix (and the environment it ran in) with its legend, then every saved
 * counterexample (diagram, rate chart, program, verdicts), each with an anchor the matrix links
 * to. No date: the same matrix and files give the same bytes.
 */
import type { Matrix } from '../checking/matrix.js';
import { escapeXml } from './escapeXml.js';
import { htmlPage } from './htmlPage.js';
import { matrixTable } from './matrixTable.js';

/** One saved file's part of the page: its section, or why it could not be drawn. */
export interface ReportEntry {
  /** The section's anchor. */
  readonly id: string;
  /** The file as the page names it (`counterexamples/…json`). */
  readonly file: string;
  /** The section's HTML, or null when the file could not be drawn. */
  readonly html: string | null;
  /** Why not, as one line. */
  readonly problem?: string;
}

/** What the page shows. */
export interface ReportInput {
  readonly matrix: Matrix;
  readonly statements: ReadonlyMap<string, string>;
  readonly entries: readonly ReportEntry[];
}

/** The anchor of a saved counterexample: `cx-` and its file name without `.json`. */
export const entryId = (fileName: string): string =>
  `cx-${fileName.replace(/\.json$/, '').replace(/[^A-Za-z0-9_-]/g, '_')}`;

function legend(m: Matrix, statements: ReadonlyMap<string, string>): string {
  const names = [...new Set(m.cells.map((c) => c.invariant))];
  const items = names.map(
    (n) => `<li><b>${escapeXml(n)}</b>: ${escapeXml(statements.get(n) ?? '')}</li>`,
  );
  const vacuous = m.sometimes.filter((s) => s.runs === 0);
  const reached =
    vacuous.length === 0
      ? '<p class="meta">Every pair reached every scenario in its sequences, so no ✓ is vacuous.</p>'
      : `<p class="bad">Scenarios never reached (the ✓ of these pairs say little):</p>\n<ul class="meta">\n${vacuous
          .map((v) => `<li>${escapeXml(`${v.driver} × ${v.agent}: ${v.scenario}`)}</li>`)
          .join('\n')}\n</ul>`;
  return `<ol class="legend">\n${items.join('\n')}\n</ol>\n${reached}`;
}

function entryHtml(e: ReportEntry): string {
  if (e.html !== null) return e.html;
  return `<section id="${escapeXml(e.id)}">\n<h2>${escapeXml(e.file)}</h2>\n<p class="bad">not drawn: ${escapeXml(e.problem ?? 'unknown problem')}</p>\n</section>`;
}

/**
 * The whole page.
 *
 * @example
 * reportPage({ matrix, statements, entries }) //=> '<!DOCTYPE html>…<table id="matrix"…'
 */
export function reportPage(input: ReportInput): string {
  const m = input.matrix;
  const links = new Map(
    input.entries.map((e) => [e.file.replace(/^.*\//, '').replace(/\.json$/, ''), e.id]),
  );
  const nav = input.entries.map(
    (e) => `<li><a href="#${escapeXml(e.id)}">${escapeXml(e.file)}</a></li>`,
  );
  const body = [
    '<h1>lingering report</h1>',
    `<p class="meta">Every driver × agent design against every invariant, in the ${m.environment} environment (docs/environment.md): seed ${m.seed}, ${m.runs} generated sequences per pair (1–4 flows, L=${m.layers}, step level). ✓ holds on every sequence; ✗n violated, with a shrunk counterexample of n events; a linked ✗ has a saved counterexample below.</p>`,
    '<h2 id="matrix-title">Matrix</h2>',
    `<div class="figure">\n${matrixTable(m, { statements: input.statements, links })}\n</div>`,
    legend(m, input.statements),
    '<h2 id="counterexamples">Saved counterexamples</h2>',
    input.entries.length === 0
      ? '<p class="meta">No file in counterexamples/.</p>'
      : `<nav><ul>\n${nav.join('\n')}\n</ul></nav>`,
    ...input.entries.map(entryHtml),
  ];
  return htmlPage('lingering report', body.join('\n'));
}
