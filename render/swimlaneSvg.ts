/**
 * A trace as a hand-drawn SVG sequence diagram (the HTML pages cannot load mermaid: no network in
 * CI): five lifelines, one row per event with its arrows and number, what changed in a column on
 * the right, the highlighted step shaded red with its verdict in a note below it.
 */
import type { Actor, StepView } from './describeSteps.js';
import { ACTORS, ACTOR_TITLES } from './describeSteps.js';
import { escapeXml } from './escapeXml.js';
import type { TracePicture } from './TracePicture.js';
import { verdictLines } from './verdictLine.js';

const NUM_W = 40;
const LANE_W = 160;
const GAP = 20;
const HEAD_H = 56;
const ROW_H = 34;
const NOTE_H = 30;
/** Monospace at 12px: 0.6em a character. */
const CHAR_W = 7.2;
const LANES_W = LANE_W * ACTORS.length;
const TEXT_X = NUM_W + LANES_W + GAP;
const SANS = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const n = (v: number): string => String(Math.round(v * 10) / 10);
const laneX = (a: Actor): number => NUM_W + LANE_W * (ACTORS.indexOf(a) + 0.5);

/** A row: an event, or a note across the lanes. */
type Row =
  | { readonly kind: 'step'; readonly step: StepView; readonly marked: boolean }
  | { readonly kind: 'note'; readonly text: string; readonly tone: 'bad' | 'good' | 'plain' };

const TONES = {
  bad: { fill: '#ffdddd', stroke: '#a1162a', text: '#7a0f1f' },
  good: { fill: '#ddf4dd', stroke: '#2e7d32', text: '#1b5e20' },
  plain: { fill: '#f3f3f3', stroke: '#999999', text: '#333333' },
} as const;

function rowsOf(picture: TracePicture): Row[] {
  const h = picture.highlight;
  const rows: Row[] = [];
  for (const step of picture.steps) {
    const marked = h?.step === step.index;
    rows.push({ kind: 'step', step, marked });
    if (marked && h !== null)
      rows.push(
        ...verdictLines(h).map((text): Row => ({ kind: 'note', text: text.trim(), tone: 'bad' })),
      );
  }
  if (h !== null && h.step === undefined) {
    if (h.when === 'quiescence') {
      rows.push({
        kind: 'note',
        text: `close-out: ${picture.closeOut.length} events, then the quiescence invariants are judged`,
        tone: 'plain',
      });
    }
    const tone = h.verdict === 'violated' ? 'bad' : h.verdict === 'holds' ? 'good' : 'plain';
    rows.push(...verdictLines(h).map((text): Row => ({ kind: 'note', text: text.trim(), tone })));
  }
  return rows;
}

function arrow(x1: number, x2: number, y: number): string {
  const d = x2 > x1 ? 1 : -1;
  return (
    `<line x1="${n(x1)}" y1="${n(y)}" x2="${n(x2 - d * 8)}" y2="${n(y)}" stroke="#222" stroke-width="1.5"/>` +
    `<polygon points="${n(x2)},${n(y)} ${n(x2 - d * 9)},${n(y - 4.5)} ${n(x2 - d * 9)},${n(y + 4.5)}" fill="#222"/>`
  );
}

/** The shading behind a highlighted step, drawn before the lifelines. */
const shade = (top: number, width: number): string =>
  `  <rect x="0" y="${n(top)}" width="${n(width)}" height="${ROW_H}" fill="#ffdddd"/>`;

function stepRow(step: StepView, marked: boolean, top: number): string[] {
  const y = top + ROW_H - 10;
  const out: string[] = [];
  out.push(
    `  <text x="${NUM_W - 8}" y="${n(y + 4)}" text-anchor="end" font-size="12" fill="#555">${step.index}.</text>`,
  );
  for (const m of step.messages) {
    const x1 = laneX(m.from);
    const x2 = laneX(m.to);
    out.push(`  ${arrow(x1, x2, y)}`);
    out.push(
      `  <text x="${n((x1 + x2) / 2)}" y="${n(y - 6)}" text-anchor="middle" font-size="12" font-weight="bold" fill="#111">${escapeXml(m === step.messages[0] ? step.label : m.label)}</text>`,
    );
  }
  out.push(
    `  <text x="${TEXT_X}" y="${n(y + 4)}" font-family="${MONO}" font-size="12" fill="${marked ? '#7a0f1f' : '#333'}">${escapeXml(step.change)}</text>`,
  );
  return out;
}

function noteRow(text: string, tone: keyof typeof TONES, top: number): string[] {
  const t = TONES[tone];
  const w = Math.max(LANES_W - 8, text.length * CHAR_W + 16);
  return [
    `  <rect x="${NUM_W + 4}" y="${n(top + 3)}" width="${n(w)}" height="${NOTE_H - 6}" rx="4" fill="${t.fill}" stroke="${t.stroke}"/>`,
    `  <text x="${NUM_W + 12}" y="${n(top + NOTE_H / 2 + 4)}" font-family="${MONO}" font-size="12" font-weight="bold" fill="${t.text}">${escapeXml(text)}</text>`,
  ];
}

/**
 * The diagram as an SVG document; as wide as its longest annotation.
 *
 * @example
 * swimlaneSvg(picture).startsWith('<svg xmlns="http://www.w3.org/2000/svg"') //=> true
 */
export function swimlaneSvg(picture: TracePicture): string {
  const rows = rowsOf(picture);
  const longest = Math.max(
    0,
    ...rows.map((r) =>
      r.kind === 'step'
        ? TEXT_X + r.step.change.length * CHAR_W
        : NUM_W + 28 + r.text.length * CHAR_W,
    ),
  );
  const width = Math.ceil(Math.max(TEXT_X + 200, longest + GAP));
  const heights = rows.map((r) => (r.kind === 'step' ? ROW_H : NOTE_H));
  const height = HEAD_H + 8 + heights.reduce((a, b) => a + b, 0) + 16;
  const label = `sequence diagram of ${picture.title}: ${picture.steps.length} events, driver ${picture.driver}, agent ${picture.agent}`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="${SANS}">`,
    `  <title>${escapeXml(label)}</title>`,
    `  <rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  let top = HEAD_H + 8;
  const body: string[] = [];
  rows.forEach((r, i) => {
    if (r.kind === 'step' && r.marked) out.push(shade(top, width));
    body.push(
      ...(r.kind === 'step' ? stepRow(r.step, r.marked, top) : noteRow(r.text, r.tone, top)),
    );
    top += heights[i] ?? 0;
  });
  for (const a of ACTORS) {
    const x = laneX(a);
    out.push(
      `  <line x1="${n(x)}" y1="${HEAD_H}" x2="${n(x)}" y2="${height - 8}" stroke="#bbb" stroke-width="1" stroke-dasharray="4 4"/>`,
      `  <rect x="${n(x - LANE_W / 2 + 6)}" y="8" width="${LANE_W - 12}" height="${HEAD_H - 16}" rx="4" fill="#eef3f8" stroke="#6b8bb0"/>`,
      `  <text x="${n(x)}" y="${a === 'driver' ? 23 : 32}" text-anchor="middle" font-size="12" font-weight="bold" fill="#123">${escapeXml(ACTOR_TITLES[a])}</text>`,
    );
    if (a === 'driver') {
      out.push(
        `  <text x="${n(x)}" y="35" text-anchor="middle" font-size="10" fill="#345">openFlows · closedFlows</text>`,
        `  <text x="${n(x)}" y="45" text-anchor="middle" font-size="10" fill="#345">refCount</text>`,
      );
    }
  }
  out.push(
    `  <text x="${TEXT_X}" y="32" font-size="12" font-weight="bold" fill="#123">what changed</text>`,
  );
  out.push(...body, '</svg>');
  return `${out.join('\n')}\n`;
}
