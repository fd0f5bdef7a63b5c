import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture, prPicture, PRODUCTION_TRACES } from '../cli/pictureFixtures.js';
import type { XmlElement } from './parseXml.js';
import { descendants, parseXml, textOf } from './parseXml.js';
import { rateChart } from './rateChart.js';
import { chartTitles } from './traceSection.js';
import type { TracePicture } from './TracePicture.js';

const chartOf = (p: TracePicture): XmlElement =>
  parseXml(rateChart({ ...chartTitles(p), polls: p.polls }));
const bars = (svg: XmlElement) =>
  descendants(svg).filter((e) => e.name === 'rect' && e.children.length > 0);
const labels = (svg: XmlElement) =>
  descendants(svg)
    .filter(
      (e) => e.name === 'text' && e.attrs['font-weight'] === 'bold' && textOf(e).endsWith('%'),
    )
    .map(textOf);
const num = (e: XmlElement, a: string): number => Number(e.attrs[a]);

describe('rateChart', () => {
  it('is a well-formed, self-contained SVG document', () => {
    const svg = chartOf(prPicture());
    expect(svg.name).toBe('svg');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(
      descendants(svg).some((e) => e.name === 'image' || e.name === 'use' || e.name === 'script'),
    ).toBe(false);
  });

  it('shows the PR trace under prefix climbing 100%, 200%, 300% in bars of height 1:2:3', () => {
    const svg = chartOf(prPicture({ agent: 'prefix' }));
    expect(labels(svg)).toEqual(['100%', '200%', '300%']);
    const heights = bars(svg).map((b) => num(b, 'height'));
    expect(heights).toHaveLength(3);
    expect(heights[1]).toBeCloseTo(2 * (heights[0] as number), 0);
    expect(heights[2]).toBeCloseTo(3 * (heights[0] as number), 0);
    expect(bars(svg).map((b) => b.attrs.fill)).toEqual(['#3f7cac', '#d7263d', '#d7263d']);
    expect(bars(svg).map((b) => textOf(b))).toEqual([
      'poll 1: 100% (1 failures / 1 closes)',
      'poll 2: 200% (2 failures / 1 closes)',
      'poll 3: 300% (3 failures / 1 closes)',
    ]);
  });

  it('marks the 100% line at the top of a 100% bar', () => {
    const svg = chartOf(prPicture());
    const line = descendants(svg).find(
      (e) => e.name === 'line' && e.attrs['stroke-dasharray'] === '8 4',
    ) as XmlElement;
    expect(line.attrs.y1).toBe(bars(svg)[0]?.attrs.y);
    expect(descendants(svg).map(textOf)).toContain('100% limit');
  });

  it('stays at or under the line under postfix', () => {
    const svg = chartOf(prPicture({ agent: 'postfix' }));
    expect(labels(svg)).toEqual(['100%', '100%', '100%']);
    expect(bars(svg).every((b) => b.attrs.fill === '#3f7cac')).toBe(true);
  });

  it('shows a dash for a poll before any close has shipped, and says when there is no poll', () => {
    const before = chartOf(inlinePicture(seq('e1 p')));
    expect(bars(before)).toHaveLength(0);
    expect(descendants(before).map(textOf)).toContain('—');
    expect(textOf(chartOf(inlinePicture(seq('e1'))))).toContain('no poll in this trace');
  });

  it('gives the same bytes for the same trace', () => {
    const p = prPicture();
    expect(rateChart({ ...chartTitles(p), polls: p.polls })).toBe(
      rateChart({ ...chartTitles(p), polls: p.polls }),
    );
  });
});

describe('rateChart of the production environment', () => {
  it("draws a bar per poll of each client, at that client's backend rate", () => {
    const svg = chartOf(inlinePicture(seq(PRODUCTION_TRACES.twoClients)));
    expect(bars(svg).map((b) => textOf(b))).toEqual([
      'poll 3 (client 2): 100% (1 failures / 1 closes)',
      'poll 4 (client 1): 100% (1 failures / 1 closes)',
    ]);
  });

  it('keeps the backend through client churn and the drain: the re-shipped close counts', () => {
    const svg = chartOf(inlinePicture(seq(PRODUCTION_TRACES.churn)));
    expect(labels(svg)).toEqual(['100%', '100%']);
    expect(bars(svg).map((b) => textOf(b))).toEqual([
      'poll 2: 100% (1 failures / 1 closes)',
      'poll 3: 100% (2 failures / 2 closes)',
    ]);
    expect(labels(chartOf(inlinePicture(seq(PRODUCTION_TRACES.tupleReuse))))).toEqual(['50%']);
  });
});

/** A poll of client 1 (or `client`) whose backend rate is `rate`, with one close. */
const poll = (n: number, rate: number | null, client = 1) => ({
  poll: n,
  client,
  backend: { closes: 1, failures: rate ?? 0, rate },
});
const FONT_ATTR = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
const textLines = (svg: string): string[] =>
  svg.split('\n').filter((l) => l.startsWith('  <text') || l.startsWith('  <rect x="'));

describe('rateChart, drawn exactly', () => {
  it('draws a dash, a blue bar and a red bar with their labels at their exact places', () => {
    const svg = rateChart({
      title: 'T',
      subtitle: 'S',
      polls: [poll(1, null), poll(2, 0.5), poll(3, 1.5)],
    });
    expect(
      svg.startsWith(
        `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360" role="img" aria-label="T: 50%, 150%" ${FONT_ATTR}>\n  <title>T: 50%, 150%</title>\n`,
      ),
    ).toBe(true);
    expect(svg.endsWith('RateAtMost100</text>\n</svg>\n')).toBe(true);
    expect(textLines(svg).slice(-10, -1)).toEqual([
      '  <text x="141.3" y="322" text-anchor="middle" font-size="12" fill="#333">1</text>',
      '  <text x="141.3" y="298" text-anchor="middle" font-size="12" fill="#777">—</text>',
      '  <text x="296" y="322" text-anchor="middle" font-size="12" fill="#333">2</text>',
      '  <rect x="272" y="244" width="48" height="60" fill="#3f7cac"><title>poll 2: 50% (0.5 failures / 1 closes)</title></rect>',
      '  <text x="296" y="238" text-anchor="middle" font-size="13" font-weight="bold" fill="#234">50%</text>',
      '  <text x="450.7" y="322" text-anchor="middle" font-size="12" fill="#333">3</text>',
      '  <rect x="426.7" y="124" width="48" height="180" fill="#d7263d"><title>poll 3: 150% (1.5 failures / 1 closes)</title></rect>',
      '  <text x="450.7" y="118" text-anchor="middle" font-size="13" font-weight="bold" fill="#a1162a">150%</text>',
      '  <text x="534" y="182" font-size="12" font-weight="bold" fill="#a1162a">100% limit</text>',
    ]);
    expect(svg.split('\n')).toHaveLength(28);
  });

  it('says "no rate yet" and centres "no poll in this trace" between 0% and the 100% line', () => {
    const svg = rateChart({ title: 'T', subtitle: 'S', polls: [] });
    expect(svg).toContain('aria-label="T: no rate yet"');
    expect(svg).toContain(
      '\n  <text x="296" y="249" text-anchor="middle" font-size="14" fill="#777">no poll in this trace</text>\n</svg>\n',
    );
  });

  it('labels every second poll of 20 and the last, under bars 60% of their slot wide', () => {
    const svg = parseXml(
      rateChart({ title: 'T', subtitle: 'S', polls: seqOf(20).map((i) => poll(i, 0.5)) }),
    );
    const pollLabels = descendants(svg)
      .filter((e) => e.name === 'text' && e.attrs.y === '322')
      .map(textOf);
    expect(pollLabels).toEqual(['1', '3', '5', '7', '9', '11', '13', '15', '17', '19', '20']);
    expect(bars(svg)[0]?.attrs.width).toBe('13.9');
  });

  it('spaces the gridlines 100% apart up to 1000%, then wider', () => {
    const ticks = (rate: number): string[] =>
      descendants(parseXml(rateChart({ title: 'T', subtitle: 'S', polls: [poll(1, rate)] })))
        .filter((e) => e.name === 'text' && e.attrs['text-anchor'] === 'end')
        .map(textOf);
    expect(ticks(10)).toEqual(seqOf(11).map((i) => `${(i - 1) * 100}%`));
    expect(ticks(12)).toEqual(['0%', '300%', '600%', '900%', '1200%']);
  });
});

/** 1, 2, …, `count`. */
const seqOf = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

describe('rateChart title lines', () => {
  const titleOf = (title: string): XmlElement =>
    descendants(parseXml(rateChart({ title, subtitle: 'S', polls: [] }))).find(
      (e) => e.name === 'text' && e.attrs.y === '24',
    ) as XmlElement;

  it('draws a title that fits as it is', () => {
    const t = titleOf('x'.repeat(61));
    expect(textOf(t)).toBe('x'.repeat(61));
    expect(t.attrs.textLength).toBeUndefined();
  });

  it('squeezes a title a little too wide into the room between the margins', () => {
    const t = titleOf('x'.repeat(62));
    expect(textOf(t)).toBe('x'.repeat(62));
    expect(t.attrs.textLength).toBe('608');
    expect(t.attrs.lengthAdjust).toBe('spacingAndGlyphs');
    expect(textOf(titleOf('y'.repeat(87)))).toBe('y'.repeat(87));
  });

  it('cuts the middle of a title too wide to squeeze, keeping its start and its last 20 characters', () => {
    const t = titleOf(`${'a'.repeat(68)}${'b'.repeat(20)}`);
    expect(textOf(t)).toBe(`${'a'.repeat(66)}…${'b'.repeat(20)}`);
    expect(t.attrs.textLength).toBe('608');
  });
});
