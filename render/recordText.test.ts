import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture } from '../cli/pictureFixtures.js';

/** What each completed poll of a hand-written trace shipped, before the backend's sums. */
const shipped = (text: string): string[] =>
  inlinePicture(seq(text)).steps.flatMap((s) =>
    s.messages.filter((m) => m.label === 'ship').map((m) => m.detail.split(' · ')[0] ?? ''),
  );

describe('recordText', () => {
  it('names the tuple of a one-flow record when it is another flow’s number', () => {
    expect(shipped('e1 f1 fd1*4 p e2@1 f2 fd2*4 p')).toEqual([
      'shipped flow 1 TCPClosed 1, TCPFailures {}, +0 B',
      'shipped flow 2 (tuple 1) TCPClosed 1, TCPFailures {}, +0 B',
    ]);
  });

  it('says nothing of failures when no flow of a merged record had one', () => {
    expect(shipped('e1 f1 e2@1 f2 p')).toEqual([
      'shipped tuple 1 merged from flows 1 + 2: TCPClosed 0, TCPFailures {}, +0 B',
    ]);
  });

  it('lists every flow that lost its failures', () => {
    expect(shipped('e1 r1 e2@1 r2 e3@1 r3 p')).toEqual([
      'shipped tuple 1 merged from flows 1 + 2 + 3: TCPClosed 3, TCPFailures {104:1}, +0 B (failures: kept flow 1 {104:1}; lost flow 2 {104:1}, flow 3 {104:1})',
    ]);
  });

  it('leaves out the flows that had no failure to keep or lose', () => {
    expect(shipped('e1 f1 e2@1 r2 p')).toEqual([
      'shipped tuple 1 merged from flows 1 + 2: TCPClosed 1, TCPFailures {}, +0 B (failures: lost flow 2 {104:1})',
    ]);
    expect(shipped('e1 f1 e2@1 r2 p.readOpen[2,1] p.readClosed')).toEqual([
      'shipped tuple 1 merged from flows 2 + 1: TCPClosed 1, TCPFailures {104:1}, +0 B (failures: kept flow 2 {104:1})',
    ]);
  });
});
