/**
 * A trace as a numbered program (docs/style.md#a-counterexample-prints-as-a-program): one event per
 * line with what changed, then the highlighted invariant's verdict. Plain text, aligned in columns.
 */
import { maxOf } from './maxOf.js';
import type { TracePicture } from './TracePicture.js';
import { verdictLines } from './verdictLine.js';

/** Labels longer than this do not widen the column. */
const MAX_LABEL = 32;

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));

/**
 * The program listing of a trace's picture, ending with a newline.
 *
 * @example
 * programListing(picture).split('\n')[0] //=> '1.  establish(1)                flow 1 open, refCount 5'
 */
export function programListing(picture: TracePicture): string {
  const nw = `${picture.steps.length}.`.length;
  const lw = Math.min(
    MAX_LABEL,
    maxOf(
      picture.steps.map((s) => s.label.length),
      0,
    ),
  );
  const lines = picture.steps.map((s) =>
    `${pad(`${s.index}.`, nw)} ${pad(s.label, lw)}  ${s.change}`.trimEnd(),
  );
  if (picture.steps.length === 0) lines.push('(no events)');
  if (picture.highlight !== null) for (const l of verdictLines(picture.highlight)) lines.push(l);
  return `${lines.join('\n')}\n`;
}
