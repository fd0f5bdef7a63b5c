import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture, prPicture, PRODUCTION_TRACES } from '../cli/pictureFixtures.js';
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

  it("says flow-lock's lock in the design's own words", () => {
    const listing = programListing(
      inlinePicture(seq('e1 r1 fd1.acquire fd1.update fd1.release'), { driver: 'flow-lock' }),
    );
    expect(listing).toContain('acquire → next update · refCount 5, lock taken, still in openFlows');
    expect(listing).toContain('release · refCount 4, lock released, still in openFlows');
  });

  it('ends with a green verdict when the invariant holds', () => {
    expect(programListing(prPicture({ agent: 'postfix', invariant: 'RateAtMost100' }))).toMatch(
      /\n✓ RateAtMost100 holds on this trace\n$/,
    );
  });
});

describe('programListing of the production environment', () => {
  it("prints the drain's race step by step: the read, the poll that misses it, the store", () => {
    const lines = programListing(inlinePicture(seq(PRODUCTION_TRACES.drainRace))).split('\n');
    expect(lines.slice(7, 11)).toEqual([
      '8.  drain.read           read closedFlows [1]: flow 1 refCount 0, freed · holds [1]',
      '9.  poll                 read openFlows [], drained closedFlows [], flows [1] held by the drain: in no table and no buffer · nothing shipped · rate 100% (1 failure / 1 close)',
      "10. drain.store          flow 1's record (TCPClosed 1, TCPFailures {104:1}, 0 B) stored into client 1's closed buffer · drain done",
      '11. poll                 read openFlows [], drained closedFlows [] · shipped flow 1 TCPClosed 1, TCPFailures {104:1}, +0 B · rate 100% (2 failures / 2 closes)',
    ]);
    expect(lines.at(-3)).toBe(
      '✗ CloseReportedOnce — connection 1: reset shipped 2 closes (at quiescence)',
    );
  });

  it('widens the label column for a named client, a step and an order', () => {
    const lines = programListing(inlinePicture(seq(PRODUCTION_TRACES.ordered))).split('\n');
    expect(lines[2]).toBe(
      '3. establish(2, tuple 1)  flow 2 open, refCount 5, tuple 1 reused from flow 1, still in openFlows',
    );
    expect(lines[4]).toBe('5. poll.readOpen[2, 1]    read openFlows in the order [2, 1]');
    const twoClients = programListing(inlinePicture(seq(PRODUCTION_TRACES.twoClients)));
    expect(twoClients).toContain(
      '11. poll(client 2)       read openFlows [], drained closedFlows [] · client 2: shipped flow 1 TCPClosed 1',
    );
  });

  it('prints churn on one line each', () => {
    const lines = programListing(inlinePicture(seq(PRODUCTION_TRACES.churn))).split('\n');
    expect(lines[16]).toMatch(
      /^17\. clientExpire\(1\) {6}client 1 expired: lost the baselines of flows \[1, 2\]/,
    );
    expect(lines[20]).toMatch(/^21\. clientRegister\(1\) {4}client 1 registered: /);
  });
});

describe('programListing of edge cases', () => {
  const one = inlinePicture(seq('e1'));

  it('says so when the trace has no event', () => {
    expect(programListing({ ...one, steps: [], highlight: null })).toBe('(no events)\n');
  });

  it('ends a step that changed nothing at its label, with no trailing space', () => {
    const steps = one.steps.map((s) => ({ ...s, change: '' }));
    expect(programListing({ ...one, steps, highlight: null })).toBe('1. establish(1)\n');
  });
});
