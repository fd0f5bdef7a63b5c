/**
 * Pictures of long traces: every format draws a 250,000-event picture without a stack overflow
 * (`Math.max(...rows)` overflows well before that), and `render` writes, piece by piece, the very text the
 * whole-document functions build.
 */
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { PR_TRACE, prPicture } from '../cli/pictureFixtures.js';
import { renderPicture } from '../cli/renderCommand.js';
import { RENDER_FORMATS } from '../cli/specs/renderSpec.js';
import { htmlPage } from './htmlPage.js';
import { maxOf } from './maxOf.js';
import { programListing } from './programListing.js';
import { rateChart } from './rateChart.js';
import { sequenceDiagram } from './sequenceDiagram.js';
import { swimlaneSvg } from './swimlaneSvg.js';
import type { TracePicture } from './TracePicture.js';
import { chartTitles, traceSection } from './traceSection.js';

const EVENTS = 250_000;

/**
 * The PR trace's steps and polls repeated to `n` events, renumbered; without their arrows, which
 * only make the test slower.
 */
function longPicture(n: number): TracePicture {
  const p = prPicture();
  const steps = Array.from({ length: n }, (_, i) => ({
    ...p.steps[i % p.steps.length]!,
    index: i + 1,
    messages: [],
  }));
  const polls = Array.from({ length: n / 4 }, (_, i) => p.polls[i % p.polls.length]!);
  return {
    ...p,
    steps,
    polls,
    highlight: p.highlight === null ? null : { ...p.highlight, step: n },
  };
}

describe('pictures of a long trace', () => {
  const picture = longPicture(EVENTS);

  it('draw in every format, one row per event', () => {
    expect(swimlaneSvg(picture)).toContain(`>${EVENTS}.</text>`);
    expect(
      programListing(picture)
        .split('\n')
        .filter((l) => /^\d+\. /.test(l)),
    ).toHaveLength(EVENTS);
    expect(sequenceDiagram(picture)).toMatch(/^sequenceDiagram\n/);
    expect(rateChart({ ...chartTitles(picture), polls: picture.polls })).toContain('300%');
  });

  it('takes a maximum in a loop, with its floor', () => {
    expect(maxOf([3, 7, 5], 0)).toBe(7);
    expect(maxOf([], 4)).toBe(4);
    expect(maxOf(new Array<number>(EVENTS).fill(1), 0)).toBe(1);
  });
});

describe('lingering render, written piece by piece', () => {
  it.each(RENDER_FORMATS)(
    'writes the PR trace as %s as the whole-document functions build it',
    async (format) => {
      const b = bufferIo();
      expect(await main(['render', PR_TRACE, '--format', format], b.io)).toBe(0);
      const p = prPicture();
      const whole = {
        mermaid: sequenceDiagram(p),
        svg: rateChart({ ...chartTitles(p), polls: p.polls }),
        html: htmlPage(`lingering: ${p.title}`, traceSection(p, { id: 'trace', level: 1 })),
      }[format];
      expect(b.stdout()).toBe(whole);
      expect(renderPicture(p, format)).toBe(whole);
    },
  );
});
