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
