/**
 * The one line every picture prints for the highlighted invariant, in the counterexample form of
 * docs/style.md#a-counterexample-prints-as-a-program:
 * `✗ RateAtMost100 — backend: 2 failures over 1 closes: rate 200% (after step 12)`.
 */
import type { Highlight } from './TracePicture.js';

/**
 * The highlighted invariant's verdict as one line.
 *
 * @example
 * verdictLine({ name: 'RateAtMost100', verdict: 'holds', ... }) //=> '✓ RateAtMost100 holds on this trace'
 */
function verdictLine(h: Highlight): string {
  if (h.verdict === 'unjudged') return `? ${h.name}: ${h.statement}`;
  if (h.verdict === 'holds') {
    return `✓ ${h.name} holds on this trace${h.when === 'quiescence' ? ' (at quiescence)' : ''}`;
  }
  const where = h.step === undefined ? 'at quiescence' : `after step ${h.step}`;
  const why = h.subject === undefined ? h.statement : `${h.subject}: ${h.detail ?? ''}`;
  return `✗ ${h.name} — ${why} (${where})`;
}

/**
 * The highlighted invariant's verdict, then its *because* on a second line when there is one.
 *
 * @example
 * verdictLines(h) //=> ['✗ RateAtMost100 — …', '  because at step 12 (poll) connection 1, …']
 */
export const verdictLines = (h: Highlight): readonly string[] =>
  h.because === undefined ? [verdictLine(h)] : [verdictLine(h), `  because ${h.because}`];
