import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture } from '../cli/pictureFixtures.js';

/** The drain's arrows in a hand-written trace, as `from->to label | detail`. */
const drainArrows = (text: string): string[] =>
  inlinePicture(seq(text)).steps.flatMap((s) =>
    s.messages
      .filter((m) => m.from === 'drain')
      .map((m) => `${m.from}->${m.to} ${m.label} | ${m.detail}`),
  );

describe('drainMessages', () => {
  it('gives the refCount a read leaves, without freed while a notify still holds the flow', () => {
    expect(drainArrows('e1 r1 fd1*3 fd1.cas fd1.move d.read')).toEqual([
      'drain->driver drain.read | read closedFlows [1]: flow 1 refCount 1 · holds [1]',
    ]);
  });

  it('names the clients a store goes into in ascending order, whatever order they registered in', () => {
    expect(drainArrows('e1 t1 p@1 p@2 exp1 reg1 r1 fd1*4 d')).toEqual([
      'drain->driver drain | read closedFlows [1]: flow 1 refCount 0, freed',
      "drain->agent store(1) | flow 1's record (TCPClosed 1, TCPFailures {104:1}, 10 B) stored into the closed buffers of clients 1, 2",
    ]);
  });
});
