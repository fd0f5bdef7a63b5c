import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import type { Actor } from './Actor.js';
import type { StepView } from './describeSteps.js';
import type { XmlElement } from './parseXml.js';
import { descendants, parseXml, textOf } from './parseXml.js';
import { swimlaneSvg } from './swimlaneSvg.js';
import type { Highlight, TracePicture } from './TracePicture.js';

const EVENT = seq('e1')[0] as StepView['event'];

/** A step whose arrows go between the pairs given, labelled `m1`, `m2`, …. */
const step = (index: number, change: string, ...pairs: [Actor, Actor][]): StepView => ({
  index,
  event: EVENT,
  label: `event ${index}`,
  change,
  messages: pairs.map(([from, to], i) => ({ from, to, label: `m${i + 1}`, detail: '' })),
});

const picture = (steps: readonly StepView[], highlight: Highlight | null = null): TracePicture => ({
  title: 't.json',
  driver: 'original',
  agent: 'prefix',
  layers: 4,
  steps,
  polls: [],
  verdicts: [],
  closeOut: ['close 1', 'close 2'],
  highlight,
});

const svgOf = (p: TracePicture): XmlElement => parseXml(swimlaneSvg(p));
const all = (p: TracePicture, name: string): XmlElement[] =>
  descendants(svgOf(p)).filter((e) => e.name === name);
/** The notes across the lanes: their text and their fill. */
const notes = (p: TracePicture): string[] =>
  all(p, 'rect')
    .filter((r) => r.attrs.rx === '4' && r.attrs.x === '44')
    .map((r) => r.attrs.fill as string);
const noteTexts = (p: TracePicture): string[] =>
  all(p, 'text')
    .filter((t) => t.attrs.x === '52')
    .map(textOf);

const quiescent = (verdict: Highlight['verdict'], extra: Partial<Highlight> = {}): Highlight => ({
  name: 'Q',
  statement: 'q holds',
  when: 'quiescence',
  verdict,
  ...extra,
});

const breaksAtOne = (statement = 's'): Highlight => ({
  name: 'S',
  statement,
  when: 'everyStep',
  verdict: 'violated',
  step: 1,
});
/** A loop on the driver, then arrows driver → agent → backend. */
const twoSteps = [
  step(1, 'a', ['driver', 'driver']),
  step(2, 'bb', ['driver', 'agent'], ['agent', 'backend']),
];

describe('swimlaneSvg', () => {
  it("draws an actor's own step as a loop right of its lifeline, labelled right of the loop", () => {
    const lines = swimlaneSvg(picture(twoSteps)).split('\n');
    expect(lines).toContain(
      '  <path d="M 440 78 H 468 V 88 H 448" fill="none" stroke="#222" stroke-width="1.5"/><polygon points="440,88 449,83.5 449,92.5" fill="#222"/>',
    );
    expect(lines).toContain(
      '  <text x="474" y="84" font-size="12" font-weight="bold" fill="#111">event 1</text>',
    );
  });

  it("labels an event's first arrow with the event and each next pair's arrow with its message", () => {
    const labels = all(picture(twoSteps), 'text')
      .filter((t) => t.attrs['text-anchor'] === 'middle' && t.attrs.y === '116')
      .map((t) => [t.attrs.x, textOf(t)]);
    expect(labels).toEqual([
      ['520', 'event 2'],
      ['680', 'm2'],
    ]);
  });

  it('shades the breaking step only and notes its verdict in red right under it', () => {
    const p = picture(twoSteps, breaksAtOne());
    const shades = all(p, 'rect').filter((r) => r.attrs.fill === '#ffdddd' && r.attrs.x === '0');
    expect(shades.map((r) => r.attrs.y)).toEqual(['64']);
    expect(notes(p)).toEqual(['#ffdddd']);
    expect(noteTexts(p)).toEqual(['✗ S — s (after step 1)']);
  });

  it('notes the close-out, then a quiescence violation and its because, after the last step', () => {
    const p = picture(
      [step(1, 'a', ['callout', 'drain'])],
      quiescent('violated', { because: 'x' }),
    );
    expect(notes(p)).toEqual(['#f3f3f3', '#ffdddd', '#ffdddd']);
    expect(noteTexts(p)).toEqual([
      'close-out: 2 events, then the quiescence invariants are judged',
      '✗ Q — q holds (at quiescence)',
      'because x',
    ]);
    expect(swimlaneSvg(p)).toContain('font-weight="bold" fill="#7a0f1f">because x</text>');
  });

  it('notes a verdict that holds in green and an unjudged one in grey, without a close-out', () => {
    const holds = picture(twoSteps, { ...quiescent('holds'), when: 'everyStep' });
    expect(notes(holds)).toEqual(['#ddf4dd']);
    expect(noteTexts(holds)).toEqual(['✓ Q holds on this trace']);
    const unjudged = picture(twoSteps, { ...quiescent('unjudged'), when: 'model' });
    expect(notes(unjudged)).toEqual(['#f3f3f3']);
    expect(noteTexts(unjudged)).toEqual(['? Q: q holds']);
  });

  it('puts a title with no state line lower in its head box than one with one or two', () => {
    const titles = all(picture([step(1, 'a', ['callout', 'drain'])]), 'text')
      .filter((t) => t.attrs['font-size'] === '12' && t.attrs.fill === '#123')
      .map((t) => [textOf(t), t.attrs.y]);
    expect(titles.slice(0, 4)).toEqual([
      ['transport callout', '32'],
      ['delete notifications', '32'],
      ['driver tables', '23'],
      ['closed-flows drain', '27'],
    ]);
  });

  it('is 200 past the text column wide, or as wide as its longest note', () => {
    const width = (p: TracePicture): string | undefined => svgOf(p).attrs.width;
    expect(width(picture(twoSteps))).toBe('1060');
    // '✗ S — ' + 150 x + ' (after step 1)': 171 characters of 7.2, from 40 + 28, then a gap of 20.
    expect(width(picture(twoSteps, breaksAtOne('x'.repeat(150))))).toBe('1320');
  });

  it('ends each line, the last one included, with a newline', () => {
    const svg = swimlaneSvg(picture(twoSteps));
    expect(svg.endsWith('</text>\n</svg>\n')).toBe(true);
    expect(svg.split('\n')).toHaveLength(35);
  });
});

describe('swimlaneSvg, arrows and shades', () => {
  it('draws two arrows into one actor from two others apart, each with its own label', () => {
    const labels = all(picture([step(1, 'a', ['driver', 'agent'], ['backend', 'agent'])]), 'text')
      .filter((t) => t.attrs['text-anchor'] === 'middle' && t.attrs.y === '82')
      .map((t) => [t.attrs.x, textOf(t)]);
    expect(labels).toEqual([
      ['520', 'event 1'],
      ['680', 'm2'],
    ]);
  });

  it('shades a marked step below notes at the notes’ height, not a step’s', () => {
    // Two steps numbered 1 are both marked, so the second shade sits below a note row.
    const p = picture(
      [step(1, 'a', ['driver', 'agent']), step(1, 'b', ['driver', 'agent'])],
      breaksAtOne(),
    );
    const shades = all(p, 'rect').filter((r) => r.attrs.fill === '#ffdddd' && r.attrs.x === '0');
    expect(shades.map((r) => r.attrs.y)).toEqual(['64', '128']);
  });
});
