import { describe, expect, it } from 'vitest';
import type { Highlight } from './TracePicture.js';
import { verdictLines } from './verdictLine.js';

const h = (extra: Partial<Highlight>): Highlight => ({
  name: 'Q',
  statement: 'q is true',
  when: 'everyStep',
  verdict: 'violated',
  ...extra,
});

describe('verdictLines', () => {
  it('says where a verdict that holds was judged when that is at quiescence', () => {
    expect(verdictLines(h({ verdict: 'holds', when: 'quiescence' }))).toEqual([
      '✓ Q holds on this trace (at quiescence)',
    ]);
    expect(verdictLines(h({ verdict: 'holds' }))).toEqual(['✓ Q holds on this trace']);
  });

  it('gives the subject and detail of a violation, else the statement', () => {
    expect(verdictLines(h({ step: 2, subject: 'flow 1', detail: 'lingers' }))).toEqual([
      '✗ Q — flow 1: lingers (after step 2)',
    ]);
    expect(verdictLines(h({ subject: 'flow 1' }))).toEqual(['✗ Q — flow 1:  (at quiescence)']);
    expect(verdictLines(h({ because: 'b' }))).toEqual([
      '✗ Q — q is true (at quiescence)',
      '  because b',
    ]);
  });
});
