/**
 * The rate chart's text stays inside its viewBox in a real browser: every chart the counterexamples
 * give, a chart with no poll, one whose rates reach 10,000%, and one with a subtitle far longer
 * than the chart, drawn on one page in headless Chromium, whose script measures every text element
 * (`getBoundingClientRect`, which includes the axis label's rotation, against the svg's own box:
 * the charts are drawn at the viewBox's size) and the "no poll" note against the 100% line.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { dumpDom, findChromium } from './headlessChromium.js';
import { rateChart } from './rateChart.js';

const CHROMIUM = findChromium();
const SKIPPED = CHROMIUM === null ? ' (skipped: no chromium binary)' : '';

const poll = (n: number, closes: number, failures: number) => ({
  poll: n,
  backend: { closes, failures, rate: closes === 0 ? null : failures / closes },
});

/** Charts beyond the counterexamples': the edges of what a title and the rates can be. */
const EDGES = [
  rateChart({
    title: 'backend TCP failure rate after each poll',
    subtitle: 'empty.json',
    polls: [],
  }),
  rateChart({
    title: 'backend TCP failure rate after each poll',
    subtitle: `counterexamples/${'very-long-name--'.repeat(12)}.json: driver deferred-move-racy, agent failures-delta, L=16`,
    polls: Array.from({ length: 40 }, (_, i) => poll(i + 1, 1, i * 3)),
  }),
  rateChart({ title: 'W'.repeat(80), subtitle: 'M'.repeat(200), polls: [poll(1, 1, 100)] }),
];

async function counterexampleCharts(): Promise<string[]> {
  const files = readdirSync('counterexamples').filter((f) => f.endsWith('.json'));
  const charts: string[] = [];
  for (const f of files) {
    const b = bufferIo();
    expect(await main(['render', `counterexamples/${f}`, '--format', 'svg'], b.io)).toBe(0);
    charts.push(b.stdout());
  }
  return charts;
}

/** Marks every text outside its svg, and a "no poll" note that meets the 100% line. */
const MEASURE = `<script>
const out = [];
document.querySelectorAll('svg').forEach((svg, i) => {
  const box = svg.getBoundingClientRect();
  const lines = [...svg.querySelectorAll('line[stroke-dasharray]')].map((l) => l.getBoundingClientRect());
  svg.querySelectorAll('text').forEach((t) => {
    const r = t.getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5)
      out.push(i + ' outside: ' + t.textContent.slice(0, 60));
    if (t.textContent === 'no poll in this trace' && lines.some((l) => r.top <= l.bottom && r.bottom >= l.top))
      out.push(i + ' on the 100% line: ' + t.textContent);
  });
});
document.body.setAttribute('data-charts', String(document.querySelectorAll('svg').length));
document.body.setAttribute('data-problems', JSON.stringify(out));
</script>`;

describe('the rate chart in headless Chromium', () => {
  it.skipIf(CHROMIUM === null)(
    `keeps every text inside the viewBox and off the 100% line${SKIPPED}`,
    async () => {
      const charts = [...(await counterexampleCharts()), ...EDGES];
      const file = join(mkdtempSync(join(tmpdir(), 'lingering-charts-')), 'charts.html');
      const body = charts.map((c) => `<div>${c}</div>`).join('\n');
      writeFileSync(
        file,
        `<!DOCTYPE html><meta charset="utf-8"><body style="margin:0">${body}${MEASURE}</body>`,
      );

      const page = dumpDom(CHROMIUM as string, file);

      expect(page.status).toBe(0);
      expect(/data-charts="(\d+)"/.exec(page.dom)?.[1]).toBe(String(charts.length));
      const problems = /data-problems="([^"]*)"/.exec(page.dom)?.[1]?.replace(/&quot;/g, '"');
      expect(JSON.parse(problems ?? 'null')).toEqual([]);
    },
  );
});
