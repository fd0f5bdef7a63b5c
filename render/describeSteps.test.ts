import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import type { StepView } from './describeSteps.js';
import { inlinePicture, PRODUCTION_TRACES } from '../cli/pictureFixtures.js';

/** The steps of a hand-written trace, described. */
const steps = (text: string, fields: Parameters<typeof inlinePicture>[1] = {}) =>
  inlinePicture(seq(text), fields).steps;

/** Step `i` (1-based) of a production trace. */
const stepOf = (name: keyof typeof PRODUCTION_TRACES, i: number): StepView =>
  steps(PRODUCTION_TRACES[name])[i - 1] as StepView;

const arrows = (s: StepView) => s.messages.map((m) => `${m.from}->${m.to} ${m.label}`);

describe('describeSteps: the closed-flows drain', () => {
  it('draws the read as the drain reading the driver: which flows, their refCount after', () => {
    const read = stepOf('drainRace', 8);
    expect(arrows(read)).toEqual(['drain->driver drain.read']);
    expect(read.change).toBe('read closedFlows [1]: flow 1 refCount 0, freed · holds [1]');
  });

  it('says what a poll between the read and the store cannot see', () => {
    expect(stepOf('drainRace', 9).change).toMatch(
      /^read openFlows \[\], drained closedFlows \[\], flows \[1\] held by the drain: in no table and no buffer · nothing shipped/,
    );
    expect(stepOf('drainRace', 11).change).toContain(
      'shipped flow 1 TCPClosed 1, TCPFailures {104:1}, +0 B · rate 100% (2 failures / 2 closes)',
    );
  });

  it('draws each store as the drain storing one record into the registered clients', () => {
    const store = stepOf('drainRace', 10);
    expect(arrows(store)).toEqual(['drain->agent drain.store']);
    expect(store.change).toBe(
      "flow 1's record (TCPClosed 1, TCPFailures {104:1}, 0 B) stored into client 1's closed buffer · drain done",
    );
    expect(stepOf('twoClients', 10).change).toContain(
      "flow 1's record (TCPClosed 1, TCPFailures {104:1}, 10 B) stored into the closed buffers of clients 1, 2",
    );
  });

  it('names the record a store takes, and what the drain still holds', () => {
    const s = steps('e1 e2 r1 r2 fd1*4 fd2*4 d.read d2.store d.store');
    expect(s[12]?.label).toBe('drain.read');
    expect(s[13]?.change).toBe(
      "flow 2's record (TCPClosed 1, TCPFailures {104:1}, 0 B) stored into client 1's closed buffer · holds [1]",
    );
    expect(s[14]?.change).toMatch(/^flow 1's record .* · drain done$/);
  });

  it('draws a whole drain as its read, then one store per record, in the order read', () => {
    const drain = stepOf('wholeDrain', 13);
    expect(arrows(drain)).toEqual([
      'drain->driver drain',
      'drain->agent store(1)',
      'drain->agent store(2)',
    ]);
    expect(drain.change).toBe(
      "read closedFlows [1, 2]: flow 1 refCount 0, freed; flow 2 refCount 0, freed · flow 1's record (TCPClosed 1, TCPFailures {}, 0 B) stored into client 1's closed buffer · flow 2's record (TCPClosed 1, TCPFailures {104:1}, 0 B) stored into client 1's closed buffer",
    );
  });

  it('says a store is dropped when no client is registered', () => {
    expect(stepOf('dropped', 8).change).toMatch(
      /flow 1's record \(TCPClosed 1, TCPFailures \{104:1\}, 0 B\) dropped: no client registered$/,
    );
  });
});

describe('describeSteps: client churn', () => {
  it('draws an expiry as the agent on itself, with what the client lost', () => {
    const expire = stepOf('churn', 17);
    expect(arrows(expire)).toEqual(['agent->agent clientExpire(1)']);
    expect(expire.change).toBe(
      'client 1 expired: lost the baselines of flows [1, 2] and the buffered closed records of flows [2]; no closed record is stored for it until a poll or a registration re-creates it',
    );
    expect(stepOf('dropped', 7).change).toMatch(
      /^client 1 expired: lost no baseline and no buffered closed record;/,
    );
  });

  it('draws a registration, and says when a poll re-created an expired client', () => {
    const register = stepOf('churn', 21);
    expect(arrows(register)).toEqual(['agent->agent clientRegister(1)']);
    expect(register.change).toBe(
      'client 1 registered: no baselines, an empty closed buffer; closed records are stored for it from now on',
    );
    expect(stepOf('churn', 19).change).toContain(
      'client 1 re-created (it had expired), no baselines: shipped flow 1 TCPClosed 1, TCPFailures {104:1}, +20 B',
    );
    expect(stepOf('churn', 23).change).not.toContain('re-created');
  });

  it('names the client of a poll that names one', () => {
    const poll = stepOf('twoClients', 11);
    expect(poll.label).toBe('poll(client 2)');
    expect(poll.messages[1]?.detail).toMatch(/^client 2: shipped flow 1 TCPClosed 1/);
  });
});

describe('describeSteps: tuples and table order', () => {
  it('says when an establish reuses the tuple of a flow still in a table', () => {
    expect(stepOf('tupleReuse', 3).change).toBe(
      'flow 2 open, refCount 5, tuple 1 reused from flow 1, still in openFlows',
    );
    expect(steps('e1 f1 fd1*4 p e2@1')[7]?.change).toBe(
      'flow 2 open, refCount 5, tuple 1 reused from flow 1, in no table',
    );
    expect(steps('e1@7')[0]?.change).toBe('flow 1 open, refCount 5, tuple 7');
  });

  it('names the flows of a merged record and whose failures were kept and lost', () => {
    expect(stepOf('tupleReuse', 5).messages[1]?.detail).toBe(
      'shipped tuple 1 merged from flows 1 + 2: TCPClosed 2, TCPFailures {104:1}, +0 B (failures: kept flow 1 {104:1}; lost flow 2 {104:1}) · rate 50% (1 failure / 2 closes)',
    );
  });

  it('reads a table in the order the step gives, which decides whose failures are kept', () => {
    expect(stepOf('ordered', 5).change).toBe('read openFlows in the order [2, 1]');
    expect(stepOf('ordered', 6).change).toContain(
      'tuple 1 merged from flows 2 + 1: TCPClosed 2, TCPFailures {104:1}, +0 B (failures: kept flow 2 {104:1}; lost flow 1 {104:1})',
    );
    expect(steps('e1 e2 f1 f2 fd1*4 fd2*4 p.readOpen p.readClosed[2,1]')[13]?.change).toMatch(
      /^drained closedFlows in the order \[2, 1\] · shipped flow 2 /,
    );
  });

  it('tells a failure the agent design suppressed from one the aggregation lost', () => {
    const s = steps('e1 ce1 r1 fd1*4 cx1 p e2@1 r2 t1 p', { agent: 'postfix' });
    expect(s.at(-1)?.messages[1]?.detail).toContain(
      'tuple 1 merged from flows 1 + 2: TCPClosed 1, TCPFailures {}, +10 B (failures: suppressed flow 1 {104:1}; lost flow 2 {104:1})',
    );
  });
});
