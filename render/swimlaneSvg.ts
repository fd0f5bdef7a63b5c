/**
 * A trace as a hand-drawn SVG sequence diagram (no mermaid: no network in CI): the lifelines, a
 * row per event with its arrows (a loop for an actor's own step), what changed on the right, the
 * breaking step shaded with its verdict. Leaves out: one event's arrows between two actors twice.
 */
import type { Actor } from './Actor.js';
import { ACTOR_SUBTITLES, ACTOR_TITLES } from './Actor.js';
import type { StepView } from './describeSteps.js';
import { escapeXml } from './escapeXml.js';
import { lifelines } from './lifelines.js';
import type { Message } from './Message.js';
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
/** How far a loop (an actor's step of its own) reaches right of its lifeline. */
const LOOP_W = 28;
const SANS = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

const n = (v: number): string => String(Math.round(v * 10) / 10);

/** Where the picture's lifelines sit. */
interface Layout {
  readonly lanes: readonly Actor[];
  readonly x: (a: Actor) => number;
  readonly lanesW: number;
  readonly textX: number;
}

const layoutOf = (lanes: readonly Actor[]): Layout => ({
  lanes,
  x: (a) => NUM_W + LANE_W * (lanes.indexOf(a) + 0.5),
  lanesW: LANE_W * lanes.length,
  textX: NUM_W + LANE_W * lanes.length + GAP,
});

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

const head = (x: number, y: number, d: number): string =>
  `<polygon points="${n(x)},${n(y)} ${n(x - d * 9)},${n(y - 4.5)} ${n(x - d * 9)},${n(y + 4.5)}" fill="#222"/>`;

function arrow(x1: number, x2: number, y: number): string {
  const d = x2 > x1 ? 1 : -1;
  return (
    `<line x1="${n(x1)}" y1="${n(y)}" x2="${n(x2 - d * 8)}" y2="${n(y)}" stroke="#222" stroke-width="1.5"/>` +
    head(x2, y, d)
  );
}

/** A loop right of the lifeline at `x`, back into it at `y`. */
const loop = (x: number, y: number): string =>
  `<path d="M ${n(x)} ${n(y - 10)} H ${n(x + LOOP_W)} V ${n(y)} H ${n(x + 8)}" fill="none" stroke="#222" stroke-width="1.5"/>` +
  head(x, y, -1);

/** The shading behind a highlighted step, drawn before the lifelines. */
const shade = (top: number, width: number): string =>
  `  <rect x="0" y="${n(top)}" width="${n(width)}" height="${ROW_H}" fill="#ffdddd"/>`;

/** The arrows of one event, one per pair of actors, with their labels joined. */
function arrowsOf(step: StepView): { from: Actor; to: Actor; label: string }[] {
  const out: { from: Actor; to: Actor; label: string }[] = [];
  step.messages.forEach((m: Message, i) => {
    const label = i === 0 ? step.label : m.label;
    const same = out.find((a) => a.from === m.from && a.to === m.to);
    if (same === undefined) out.push({ from: m.from, to: m.to, label });
    else same.label = `${same.label}, ${label}`;
  });
  return out;
}

function arrowLines(a: { from: Actor; to: Actor; label: string }, y: number, at: Layout): string[] {
  const x1 = at.x(a.from);
  const x2 = at.x(a.to);
  const text = escapeXml(a.label);
  if (a.from === a.to)
    return [
      `  ${loop(x1, y)}`,
      `  <text x="${n(x1 + LOOP_W + 6)}" y="${n(y - 4)}" font-size="12" font-weight="bold" fill="#111">${text}</text>`,
    ];
  return [
    `  ${arrow(x1, x2, y)}`,
    `  <text x="${n((x1 + x2) / 2)}" y="${n(y - 6)}" text-anchor="middle" font-size="12" font-weight="bold" fill="#111">${text}</text>`,
  ];
}

function stepRow(step: StepView, marked: boolean, top: number, at: Layout): string[] {
  const y = top + ROW_H - 10;
  return [
    `  <text x="${NUM_W - 8}" y="${n(y + 4)}" text-anchor="end" font-size="12" fill="#555">${step.index}.</text>`,
    ...arrowsOf(step).flatMap((a) => arrowLines(a, y, at)),
    `  <text x="${at.textX}" y="${n(y + 4)}" font-family="${MONO}" font-size="12" fill="${marked ? '#7a0f1f' : '#333'}">${escapeXml(step.change)}</text>`,
  ];
}

function noteRow(text: string, tone: keyof typeof TONES, top: number, at: Layout): string[] {
  const t = TONES[tone];
  const w = Math.max(at.lanesW - 8, text.length * CHAR_W + 16);
  return [
    `  <rect x="${NUM_W + 4}" y="${n(top + 3)}" width="${n(w)}" height="${NOTE_H - 6}" rx="4" fill="${t.fill}" stroke="${t.stroke}"/>`,
    `  <text x="${NUM_W + 12}" y="${n(top + NOTE_H / 2 + 4)}" font-family="${MONO}" font-size="12" font-weight="bold" fill="${t.text}">${escapeXml(text)}</text>`,
  ];
}

/** A lifeline: its dashed line and its head box with the title and the state it holds. */
function laneLines(a: Actor, height: number, at: Layout): string[] {
  const x = at.x(a);
  const sub = ACTOR_SUBTITLES[a] ?? [];
  const titleY = sub.length === 0 ? 32 : sub.length === 1 ? 27 : 23;
  return [
    `  <line x1="${n(x)}" y1="${HEAD_H}" x2="${n(x)}" y2="${height - 8}" stroke="#bbb" stroke-width="1" stroke-dasharray="4 4"/>`,
    `  <rect x="${n(x - LANE_W / 2 + 6)}" y="8" width="${LANE_W - 12}" height="${HEAD_H - 16}" rx="4" fill="#eef3f8" stroke="#6b8bb0"/>`,
    `  <text x="${n(x)}" y="${titleY}" text-anchor="middle" font-size="12" font-weight="bold" fill="#123">${escapeXml(ACTOR_TITLES[a])}</text>`,
    ...sub.map(
      (line, i) =>
        `  <text x="${n(x)}" y="${titleY + 12 + i * 10}" text-anchor="middle" font-size="10" fill="#345">${escapeXml(line)}</text>`,
    ),
  ];
}

/** The shading of each highlighted step, drawn before the lifelines. */
function* shades(rows: readonly Row[], width: number): Generator<string> {
  let top = HEAD_H + 8;
  for (const r of rows) {
    if (r.kind === 'step' && r.marked) yield shade(top, width);
    top += r.kind === 'step' ? ROW_H : NOTE_H;
  }
}

/** The rows' lines laid out from the top. */
function* rowLines(rows: readonly Row[], at: Layout): Generator<string> {
  let top = HEAD_H + 8;
  for (const r of rows) {
    yield* r.kind === 'step'
      ? stepRow(r.step, r.marked, top, at)
      : noteRow(r.text, r.tone, top, at);
    top += r.kind === 'step' ? ROW_H : NOTE_H;
  }
}

/** How far right the rows' text reaches: a loop, not `Math.max(...rows)` (one argument a row). */
function longestRow(rows: readonly Row[], at: Layout): number {
  let longest = 0;
  for (const r of rows) {
    const right =
      r.kind === 'step'
        ? at.textX + r.step.change.length * CHAR_W
        : NUM_W + 28 + r.text.length * CHAR_W;
    if (right > longest) longest = right;
  }
  return longest;
}

/**
 * The diagram's lines, one at a time (`render` writes them as they come); `swimlaneSvg` joins
 * them.
 */
export function* swimlaneLines(picture: TracePicture): Generator<string> {
  const at = layoutOf(lifelines(picture.steps.flatMap((s) => s.messages)));
  const rows = rowsOf(picture);
  const width = Math.ceil(Math.max(at.textX + 200, longestRow(rows, at) + GAP));
  const height =
    HEAD_H + 8 + rows.reduce((s, r) => s + (r.kind === 'step' ? ROW_H : NOTE_H), 0) + 16;
  const label = `sequence diagram of ${picture.title}: ${picture.steps.length} events, driver ${picture.driver}, agent ${picture.agent}`;
  yield `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="${SANS}">`;
  yield `  <title>${escapeXml(label)}</title>`;
  yield `  <rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`;
  yield* shades(rows, width);
  for (const a of at.lanes) yield* laneLines(a, height, at);
  yield `  <text x="${at.textX}" y="32" font-size="12" font-weight="bold" fill="#123">what changed</text>`;
  yield* rowLines(rows, at);
  yield '</svg>';
}

/**
 * The diagram as an SVG document; as wide as its longest annotation.
 *
 * @example
 * swimlaneSvg(picture).startsWith('<svg xmlns="http://www.w3.org/2000/svg"') //=> true
 */
export function swimlaneSvg(picture: TracePicture): string {
  return `${Array.from(swimlaneLines(picture)).join('\n')}\n`;
}
