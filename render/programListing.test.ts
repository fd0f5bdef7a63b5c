import { describe, expect, it } from 'vitest';
import { seq } from '../properties/seq.js';
import { inlinePicture, prPicture } from './fixtures.js';
import { programListing } from './programListing.js';

describe('programListing', () => {
  it('prints the PR race as a numbered program, then the verdict and its because', () => {
    const lines = programListing(prPicture()).trimEnd().split('\n');
    expect(lines.slice(0, 10)).toEqual([
      '1.  establish(1)         flow 1 open, refCount 5',
      '2.  traffic(1, 100)      flow 1 sentBytes 100',
      '3.  calloutEnter(1)      refCount 6, 1 callout holding',
      '4.  reset(1)             flow 1 RecvRst: reads TCPClosed 1, TCPFailures {104:1}',
      '5.  flowDeleteNotify(1)  notify 1/4: cas saw refCount 6 → decrement · refCount 5, still in openFlows',
      '6.  flowDeleteNotify(1)  notify 2/4: cas saw refCount 5 → decrement · refCount 4, still in openFlows',
      '7.  flowDeleteNotify(1)  notify 3/4: cas saw refCount 4 → decrement · refCount 3, still in openFlows',
      '8.  flowDeleteNotify(1)  notify 4/4: cas saw refCount 3 → decrement · refCount 2, still in openFlows',
      '9.  calloutExit(1)       refCount 1, still in openFlows',
      '10. poll                 read openFlows [1], drained closedFlows [] · shipped flow 1 TCPClosed 1, TCPFailures {104:1}, +100 B · rate 100% (1 failure / 1 close)',
    ]);
    expect(lines[13]).toBe(
      '14. poll                 read openFlows [1], drained closedFlows [] · shipped flow 1 TCPClosed 0, TCPFailures {104:1}, +10 B · rate 300% (3 failures / 1 close)',
    );
    expect(lines[14]).toBe(
      '✗ FailuresWithinCloses — connection 1: 2 failures shipped, 1 close (after step 12)',
    );
    expect(lines[15]).toMatch(
      /^ {2}because at step 12 \(poll\) connection 1, still in openFlows, was re-reported/,
    );
    expect(lines).toHaveLength(16);
  });

  it('shows what the compare-exchange saw when a trace names the steps', () => {
    const listing = programListing(
      inlinePicture(seq('e1 ce1 r1 fd1*3 fd1.cas fd1.decrement cx1 p')),
    );
    expect(listing).toContain(
      '7.  flowDeleteNotify(1).cas        notify 4/4: cas saw refCount 3 → next decrement · refCount 3, still in openFlows\n',
    );
    expect(listing).toContain(
      '8.  flowDeleteNotify(1).decrement  notify 4/4: decrement · refCount 2, still in openFlows\n',
    );
  });

  it('shows the move when the last notify sees 2', () => {
    const listing = programListing(inlinePicture(seq('e1 r1 fd1*4 p')));
    expect(listing).toContain(
      'notify 4/4: cas saw refCount 2 → move → decrement · refCount 1, moved to closedFlows',
    );
    expect(listing).toContain(
      'read openFlows [], drained closedFlows [1] · shipped flow 1 TCPClosed 1',
    );
  });

  it('shows every retry of cas-retry and the flags of deferred-move', () => {
    expect(
      programListing(inlinePicture(seq('e1 ce1 r1 fd1*4'), { driver: 'cas-retry' })),
    ).toContain(
      'notify 4/4: cas saw refCount 3 → retry saw refCount 3 → retry saw refCount 3 → decrement · refCount 2',
    );
    expect(
      programListing(inlinePicture(seq('e1 ce1 r1 fd1*4 cx1'), { driver: 'deferred-move' })),
    ).toContain(
      'decrement saw refCount 1 → move · refCount 1, pendingMove cleared, moved to closedFlows',
    );
  });

  it('ends with a green verdict when the invariant holds', () => {
    expect(programListing(prPicture({ agent: 'postfix', invariant: 'RateAtMost100' }))).toMatch(
      /\n✓ RateAtMost100 holds on this trace\n$/,
    );
  });
});
