/**
 * The bar a terminal shows in front of a progress line that counts toward a total
 * (`check: 300/3,000 sequences`, `matrix (production): 3/25 original × prefix`); a line with no
 * total (an explore, whose size is unknown until it ends) shows no bar.
 */

/** Cells of the bar. */
const CELLS = 20;

/**
 * The bar for the first `done/total` in `text`, or '' when it has none.
 *
 * @example
 * progressBar('check: 300/3,000 sequences') //=> '[██░░░░░░░░░░░░░░░░░░]  10% '
 */
export function progressBar(text: string): string {
  const m = /(\d[\d,]*)\/(\d[\d,]*)/.exec(text);
  if (m === null) return '';
  const done = Number((m[1] as string).replace(/,/g, ''));
  const total = Number((m[2] as string).replace(/,/g, ''));
  if (!(total > 0) || done > total) return '';
  const filled = Math.floor((done / total) * CELLS);
  const percent = String(Math.floor((done / total) * 100)).padStart(3);
  return `[${'█'.repeat(filled)}${'░'.repeat(CELLS - filled)}] ${percent}% `;
}
