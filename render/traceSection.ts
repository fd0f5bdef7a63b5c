/**
 * One trace's part of a page: its pair, the sequence diagram (our own SVG, with the mermaid
 * source beside it for anyone who renders mermaid), the rate chart, the numbered program and the
 * verdicts. HTML fragment; `id` lets the matrix link to it.
 */
import { escapeXml } from './escapeXml.js';
import { programListing } from './programListing.js';
import { rateChart } from './rateChart.js';
import { sequenceDiagram } from './sequenceDiagram.js';
import { swimlaneLines } from './swimlaneSvg.js';
import type { TracePicture } from './TracePicture.js';
import { verdictTable } from './verdictTable.js';

/** Where the section sits and what the file says it is. */
export interface SectionOptions {
  readonly id: string;
  /** The heading level of the section's title (1 on its own page, 2 in the report). */
  readonly level: 1 | 2;
  /** A line under the title: the file's `violated` / `expect`, say. */
  readonly note?: string;
}

/** The chart's caption lines for a picture. */
export const chartTitles = (p: TracePicture) => ({
  title: 'backend TCP failure rate after each poll',
  subtitle: `${p.title}: driver ${p.driver}, agent ${p.agent}, L=${p.layers}`,
});

/**
 * The section as HTML, in pieces whose concatenation is the section: the sequence diagram comes
 * one line at a time, so `render` writes a long trace's page as it is built.
 */
export function* traceSectionText(
  picture: TracePicture,
  options: SectionOptions,
): Generator<string> {
  const h = `h${options.level}`;
  const sub = `h${options.level + 1}`;
  yield [
    `<section id="${escapeXml(options.id)}">`,
    `<${h}>${escapeXml(picture.title)}</${h}>`,
    `<p class="meta">driver <b>${escapeXml(picture.driver)}</b>, agent <b>${escapeXml(picture.agent)}</b>, L=${picture.layers}, ${picture.steps.length} events${options.note === undefined ? '' : ` · ${escapeXml(options.note)}`}</p>`,
    `<${sub}>Sequence</${sub}>`,
    '<div class="figure">\n',
  ].join('\n');
  let first = true;
  for (const line of swimlaneLines(picture)) {
    yield first ? line : `\n${line}`;
    first = false;
  }
  yield [
    '\n</div>',
    '<details><summary>mermaid source</summary>',
    `<pre class="mermaid">${escapeXml(sequenceDiagram(picture))}</pre>`,
    '</details>',
    `<${sub}>Backend rate</${sub}>`,
    `<div class="figure">\n${rateChart({ ...chartTitles(picture), polls: picture.polls }).trimEnd()}\n</div>`,
    `<${sub}>Program</${sub}>`,
    `<pre class="program">${escapeXml(programListing(picture))}</pre>`,
    `<${sub}>Verdicts</${sub}>`,
    verdictTable(picture.verdicts),
    '</section>',
  ].join('\n');
}

/**
 * The section as HTML.
 *
 * @example
 * traceSection(picture, { id: 'cx-pr-50823-three-polls', level: 2 }).startsWith('<section id="cx-pr-50823-three-polls">') //=> true
 */
export function traceSection(picture: TracePicture, options: SectionOptions): string {
  return Array.from(traceSectionText(picture, options)).join('');
}
