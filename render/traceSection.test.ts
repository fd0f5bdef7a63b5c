import { describe, expect, it } from 'vitest';
import { renderPicture } from '../cli/renderCommand.js';
import { invariants } from '../invariants/index.js';
import { seq } from '../engine/seq.js';
import { inlinePicture, prPicture, PRODUCTION_TRACES } from '../cli/pictureFixtures.js';
import type { XmlElement } from './parseXml.js';
import { descendants, parseXml, textOf } from './parseXml.js';
import { programListing } from './programListing.js';
import { sequenceDiagram } from './sequenceDiagram.js';
import { swimlaneSvg } from './swimlaneSvg.js';
import { traceSection } from './traceSection.js';

const byClass = (root: XmlElement, name: string, cls: string) =>
  descendants(root).filter(
    (e) => e.name === name && (e.attrs.class ?? '').split(' ').includes(cls),
  );

describe('the HTML page of one trace', () => {
  const page = renderPicture(prPicture(), 'html');
  const root = parseXml(page);

  it('is one well-formed, self-contained document with no script and no remote resource', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(root.name).toBe('html');
    const all = descendants(root);
    expect(all.some((e) => e.name === 'script' || e.name === 'img' || e.name === 'iframe')).toBe(
      false,
    );
    const remote = all
      .flatMap((e) => [e.attrs.href, e.attrs.src])
      .filter((u) => u !== undefined && /^(https?:)?\/\//.test(u));
    expect(remote).toEqual([]);
  });

  it('holds the swimlane diagram, the mermaid source, the rate chart, the program and the verdicts', () => {
    const svgs = descendants(root).filter((e) => e.name === 'svg');
    expect(svgs.map((s) => s.attrs['aria-label']?.split(':')[0])).toEqual([
      'sequence diagram of counterexamples/pr-50823-three-polls.json',
      'backend TCP failure rate after each poll',
    ]);
    expect(textOf(byClass(root, 'pre', 'mermaid')[0] as XmlElement)).toBe(
      sequenceDiagram(prPicture()),
    );
    expect(textOf(byClass(root, 'pre', 'program')[0] as XmlElement)).toBe(
      programListing(prPicture()),
    );
    const rows = descendants(byClass(root, 'table', 'verdicts')[0] as XmlElement).filter(
      (e) => e.name === 'tr',
    );
    // A row per invariant the engine judges, and the head.
    expect(rows).toHaveLength(invariants.length + 1);
    expect(byClass(root, 'td', 'violated').length).toBe(5);
  });

  it('gives the same bytes for the same trace', () => {
    expect(renderPicture(prPicture(), 'html')).toBe(page);
  });
});

describe('swimlaneSvg', () => {
  const svg = parseXml(swimlaneSvg(prPicture()));
  const texts = descendants(svg)
    .filter((e) => e.name === 'text')
    .map(textOf);

  it('draws the five lifelines and one numbered row per event', () => {
    for (const title of [
      'transport callout',
      'delete notifications',
      'driver tables',
      'agent poll',
      'backend',
    ]) {
      expect(texts).toContain(title);
    }
    expect(texts.filter((t) => /^\d+\.$/.test(t))).toEqual(
      Array.from({ length: 14 }, (_, i) => `${i + 1}.`),
    );
  });

  it('shades step 12 and writes the verdict and its because under it', () => {
    const twelve = texts.indexOf('12.');
    expect(texts.slice(twelve, twelve + 6)).toEqual([
      '12.',
      'poll',
      'ship',
      expect.stringContaining('rate 200%'),
      '✗ FailuresWithinCloses — connection 1: 2 failures shipped, 1 close (after step 12)',
      expect.stringMatching(/^because at step 12 \(poll\)/),
    ]);
    expect(
      descendants(svg).filter(
        (e) => e.name === 'rect' && e.attrs.fill === '#ffdddd' && e.attrs.x === '0',
      ),
    ).toHaveLength(1);
  });
});

describe('swimlaneSvg of the production environment', () => {
  const svgOf = (text: string) => parseXml(swimlaneSvg(inlinePicture(seq(text))));
  const textsOf = (svg: XmlElement) =>
    descendants(svg)
      .filter((e) => e.name === 'text')
      .map(textOf);
  const lanes = (svg: XmlElement) =>
    descendants(svg).filter((e) => e.name === 'line' && e.attrs['stroke-dasharray'] === '4 4');

  it('adds the drain lifeline, with what it holds, only to a trace that drains', () => {
    const drained = svgOf(PRODUCTION_TRACES.churn);
    expect(lanes(drained)).toHaveLength(6);
    expect(textsOf(drained)).toEqual(
      expect.arrayContaining(['closed-flows drain', 'held records', 'clients · baselines']),
    );
    expect(lanes(svgOf(PRODUCTION_TRACES.tupleReuse))).toHaveLength(5);
  });

  it("draws a whole drain's stores as one arrow to the agent, labelled with every record", () => {
    const texts = textsOf(svgOf(PRODUCTION_TRACES.wholeDrain));
    const row = texts.indexOf('13.');
    expect(texts.slice(row, row + 4)).toEqual([
      '13.',
      'drain',
      'store(1), store(2)',
      expect.stringMatching(/^read closedFlows \[1, 2\]: /),
    ]);
  });

  it('draws a client expiry as a loop on the agent lifeline, labelled beside it', () => {
    const svg = svgOf(PRODUCTION_TRACES.churn);
    const loops = descendants(svg).filter((e) => e.name === 'path');
    expect(loops).toHaveLength(3);
    const agentX = Number(
      descendants(svg).find((e) => e.name === 'text' && textOf(e) === 'agent poll')?.attrs.x,
    );
    for (const loop of loops) expect(loop.attrs.d?.startsWith(`M ${agentX} `)).toBe(true);
    expect(textsOf(svg)).toEqual(expect.arrayContaining(['clientExpire(1)', 'clientRegister(1)']));
  });

  it('is well-formed and gives the same bytes for the same trace', () => {
    for (const text of Object.values(PRODUCTION_TRACES)) {
      const page = renderPicture(inlinePicture(seq(text)), 'html');
      expect(parseXml(page).name).toBe('html');
      expect(renderPicture(inlinePicture(seq(text)), 'html')).toBe(page);
    }
  });
});

describe('traceSection', () => {
  const p = inlinePicture(seq('e1'));

  it('writes the note after the counts in the meta line', () => {
    const html = traceSection(p, { id: 'x', level: 2, note: 'expect: holds' });
    expect(html).toContain(
      '<p class="meta">driver <b>original</b>, agent <b>prefix</b>, L=4, 1 events · expect: holds</p>',
    );
  });

  it('is the section text in one piece, the diagram lines joined by newlines', () => {
    const html = traceSection(p, { id: 'x', level: 1 });
    expect(
      html.startsWith(
        '<section id="x">\n<h1>inline.json</h1>\n<p class="meta">driver <b>original</b>, agent <b>prefix</b>, L=4, 1 events</p>\n<h2>Sequence</h2>\n<div class="figure">\n<svg ',
      ),
    ).toBe(true);
    expect(html).toContain(`<div class="figure">\n${swimlaneSvg(p)}</div>`);
    expect(html.endsWith('</table>\n</section>')).toBe(true);
  });
});
