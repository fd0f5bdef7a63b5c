import { describe, expect, it } from 'vitest';
import type { Verdict } from '../invariants/checkTrace.js';
import type { Invariant } from '../invariants/Invariant.js';
import { verdictTable } from './verdictTable.js';

const invariant = (name: string, when: Invariant['when']): Invariant =>
  ({ name, statement: `${name} statement`, when }) as Invariant;

describe('verdictTable', () => {
  it('gives a row per verdict: where and why for a violation, nothing for one that holds', () => {
    const verdicts: Verdict[] = [
      {
        invariant: invariant('A', 'everyStep'),
        verdict: 'violated',
        step: 3,
        subject: 's',
        detail: 'd',
      },
      { invariant: invariant('B', 'quiescence'), verdict: 'violated', subject: 't' },
      { invariant: invariant('C', 'everyStep'), verdict: 'holds', subject: 'u', detail: 'e' },
    ];
    expect(verdictTable(verdicts).split('\n')).toEqual([
      '<table class="verdicts">',
      '<thead><tr><th>invariant</th><th>judged</th><th>verdict</th><th>where</th><th>why</th></tr></thead>',
      '<tbody>',
      '<tr><th scope="row" title="A statement">A</th><td>every step</td><td class="violated">✗</td><td>after step 3</td><td>s: d</td></tr>',
      '<tr><th scope="row" title="B statement">B</th><td>quiescence</td><td class="violated">✗</td><td>at quiescence</td><td>t: </td></tr>',
      '<tr><th scope="row" title="C statement">C</th><td>every step</td><td class="holds">✓</td><td></td><td></td></tr>',
      '</tbody>',
      '</table>',
    ]);
  });

  it('leaves why empty for a violation that names no subject', () => {
    const row = verdictTable([{ invariant: invariant('D', 'quiescence'), verdict: 'violated' }])
      .split('\n')
      .find((l) => l.startsWith('<tr><th scope="row"'));
    expect(row).toBe(
      '<tr><th scope="row" title="D statement">D</th><td>quiescence</td><td class="violated">✗</td><td>at quiescence</td><td></td></tr>',
    );
  });
});
