/**
 * The backend's failure rate after each poll as a self-contained SVG bar chart, drawn by hand: x is
 * the poll number, y the rate in % (of the polling client's backend; a bar names its client when
 * several poll), a dashed red line marks 100%. Bars above 100% are red. Coordinates: one decimal.
 */
import type { ReportPoll } from '../checking/replayReport.js';
import { formatRate } from '../engine/backend/formatRate.js';
import { escapeXml } from './escapeXml.js';
import { maxOf } from './maxOf.js';

/** What the chart shows. */
export interface RateChartInput {
  /** First title line. */
  readonly title: string;
  /** Second, smaller line (the file, the pair). */
  readonly subtitle: string;
  readonly polls: readonly (Pick<ReportPoll, 'poll' | 'backend'> &
    Partial<Pick<ReportPoll, 'client'>>)[];
}

const WIDTH = 640;
const HEIGHT = 360;
const LEFT = 64;
const RIGHT = 112;
const TOP = 64;
const BOTTOM = 56;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';
/** Left and right margin of the title lines. */
const MARGIN = 16;
/**
 * Widest advance of an average character, in ems, in the fonts above (bold included): an
 * estimate on the wide side, so that a line estimated to fit does fit.
 */
const EM_PER_CHAR = 0.62;

/** Where and how a title line is drawn. */
interface TextAt {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly attrs: string;
}

/**
 * A title line that stays inside the chart: a line estimated wider than the room is drawn
 * squeezed to the room's width (`textLength`, which fixes the advance whatever the font), and one
 * that would need squeezing below 70% loses its middle to an ellipsis first.
 */
function fittedText(text: string, at: TextAt): string {
  const room = WIDTH - at.x - MARGIN;
  const perChar = at.size * EM_PER_CHAR;
  const most = Math.floor(room / (perChar * 0.7));
  const shown = text.length <= most ? text : `${text.slice(0, most - 21)}…${text.slice(-20)}`;
  const fit =
    shown.length * perChar > room ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : '';
  return `  <text x="${at.x}" y="${at.y}" font-size="${at.size}"${fit} ${at.attrs}>${escapeXml(shown)}</text>`;
}

/** A coordinate with at most one decimal, and no `-0`. */
const n = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r);
};

/** A rate as a whole percentage. */
const percent = (rate: number): number => Math.round(rate * 100);

/** The top of the y axis: at least 200% so that the 100% line sits inside the plot. */
function yMaxOf(rates: readonly number[]): number {
  const top = maxOf(rates, 0);
  return Math.max(200, Math.ceil(top / 100) * 100);
}

/** Gridline spacing: 100% until the axis gets crowded. */
const gridStep = (yMax: number): number => (yMax <= 1000 ? 100 : Math.ceil(yMax / 500) * 100);

function axes(yMax: number, y: (p: number) => number): string[] {
  const out: string[] = [];
  for (let p = 0; p <= yMax; p += gridStep(yMax)) {
    out.push(
      `  <line x1="${LEFT}" y1="${n(y(p))}" x2="${LEFT + PLOT_W}" y2="${n(y(p))}" stroke="#e3e3e3" stroke-width="1"/>`,
      `  <text x="${LEFT - 8}" y="${n(y(p) + 4)}" text-anchor="end" font-size="12" fill="#555">${p}%</text>`,
    );
  }
  out.push(
    `  <line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_H}" stroke="#333" stroke-width="1"/>`,
    `  <line x1="${LEFT}" y1="${TOP + PLOT_H}" x2="${LEFT + PLOT_W}" y2="${TOP + PLOT_H}" stroke="#333" stroke-width="1"/>`,
    `  <text x="${n(LEFT + PLOT_W / 2)}" y="${HEIGHT - 12}" text-anchor="middle" font-size="12" fill="#333">poll</text>`,
    `  <text x="16" y="${n(TOP + PLOT_H / 2)}" text-anchor="middle" font-size="12" fill="#333" transform="rotate(-90 16 ${n(TOP + PLOT_H / 2)})">failure rate (failures / closes)</text>`,
  );
  return out;
}

function bars(input: RateChartInput, y: (p: number) => number): string[] {
  const count = input.polls.length;
  const slot = PLOT_W / Math.max(1, count);
  const barW = Math.min(48, slot * 0.6);
  const every = Math.max(1, Math.ceil(count / 16));
  const clients = new Set(input.polls.map((p) => p.client ?? 1)).size;
  const out: string[] = [];
  input.polls.forEach((p, i) => {
    const cx = LEFT + slot * (i + 0.5);
    if (i % every === 0 || i === count - 1) {
      out.push(
        `  <text x="${n(cx)}" y="${TOP + PLOT_H + 18}" text-anchor="middle" font-size="12" fill="#333">${p.poll}</text>`,
      );
    }
    if (p.backend.rate === null) {
      out.push(
        `  <text x="${n(cx)}" y="${n(y(0) - 6)}" text-anchor="middle" font-size="12" fill="#777">${formatRate(null)}</text>`,
      );
      return;
    }
    const v = percent(p.backend.rate);
    const shown = formatRate(p.backend.rate);
    const over = v > 100;
    const top = y(v);
    out.push(
      `  <rect x="${n(cx - barW / 2)}" y="${n(top)}" width="${n(barW)}" height="${n(y(0) - top)}" fill="${over ? '#d7263d' : '#3f7cac'}">` +
        `<title>poll ${p.poll}${clients > 1 ? ` (client ${p.client ?? 1})` : ''}: ${shown} (${p.backend.failures} failures / ${p.backend.closes} closes)</title></rect>`,
      `  <text x="${n(cx)}" y="${n(top - 6)}" text-anchor="middle" font-size="13" font-weight="bold" fill="${over ? '#a1162a' : '#234'}">${shown}</text>`,
    );
  });
  return out;
}

/**
 * The chart as an SVG document (no XML declaration, so it also inlines into HTML).
 *
 * @example
 * rateChart({ title: 'backend failure rate per poll', subtitle: 'original × prefix', polls: report.polls })
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" ...>…300%…</svg>\n'
 */
export function rateChart(input: RateChartInput): string {
  const known = input.polls.flatMap((p) => (p.backend.rate === null ? [] : [p.backend.rate]));
  const rates = known.map(percent);
  const yMax = yMaxOf(rates);
  const y = (p: number): number => TOP + PLOT_H - (p / yMax) * PLOT_H;
  const label = `${input.title}: ${known.length === 0 ? 'no rate yet' : known.map((r) => formatRate(r)).join(', ')}`;
  const limit = y(100);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(label)}" ${FONT}>`,
    `  <title>${escapeXml(label)}</title>`,
    `  <rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    fittedText(input.title, {
      x: MARGIN,
      y: 24,
      size: 16,
      attrs: 'font-weight="bold" fill="#111"',
    }),
    fittedText(input.subtitle, { x: MARGIN, y: 44, size: 12, attrs: 'fill="#555"' }),
    ...axes(yMax, y),
    ...bars(input, y),
    `  <line x1="${LEFT}" y1="${n(limit)}" x2="${LEFT + PLOT_W}" y2="${n(limit)}" stroke="#a1162a" stroke-width="2" stroke-dasharray="8 4"/>`,
    `  <text x="${LEFT + PLOT_W + 6}" y="${n(limit - 2)}" font-size="12" font-weight="bold" fill="#a1162a">100% limit</text>`,
    `  <text x="${LEFT + PLOT_W + 6}" y="${n(limit + 12)}" font-size="11" fill="#a1162a">RateAtMost100</text>`,
  ];
  if (input.polls.length === 0) {
    lines.push(
      // Halfway between 0% and the 100% line, clear of the line (the axis starts at 200%).
      `  <text x="${n(LEFT + PLOT_W / 2)}" y="${n((y(0) + limit) / 2 + 5)}" text-anchor="middle" font-size="14" fill="#777">no poll in this trace</text>`,
    );
  }
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}
