/**
 * Every invariant's verdict on one trace as an HTML table: name, when it is judged, ✓ or ✗, the
 * step where it broke (or "quiescence"), and the subject and detail of the failure.
 */
import type { Verdict } from '../invariants/checkTrace.js';
import { escapeXml } from './escapeXml.js';

/**
 * The verdicts as a `<table class="verdicts">`.
 *
 * @example
 * verdictTable(check.verdicts) //=> '<table class="verdicts">…<td class="violated">✗</td>…</table>'
 */
export function verdictTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => {
    const bad = v.verdict === 'violated';
    const where = !bad ? '' : v.step === undefined ? 'at quiescence' : `after step ${v.step}`;
    const why = bad && v.subject !== undefined ? `${v.subject}: ${v.detail ?? ''}` : '';
    return (
      `<tr><th scope="row" title="${escapeXml(v.invariant.statement)}">${escapeXml(v.invariant.name)}</th>` +
      `<td>${v.invariant.when === 'everyStep' ? 'every step' : 'quiescence'}</td>` +
      `<td class="${bad ? 'violated' : 'holds'}">${bad ? '✗' : '✓'}</td>` +
      `<td>${escapeXml(where)}</td><td>${escapeXml(why)}</td></tr>`
    );
  });
  return [
    '<table class="verdicts">',
    '<thead><tr><th>invariant</th><th>judged</th><th>verdict</th><th>where</th><th>why</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
