/**
 * The engine's transition for the environment's events (docs/environment.md): a poll's named
 * client and table order, the asynchronous drain whole or in its steps, a client's registration
 * and expiry; what each does, and the exact reason `step` gives when it refuses one.
 */
import { describe, expect, it } from 'vitest';
import { seq, seqStates } from './seq.js';
import { findAgent } from './agent/variants/index.js';
import { findDriver } from './driver/variants/index.js';
import type { EngineState } from './EngineState.js';
import { clientId, newEngine, NEW_SESSION } from './EngineState.js';
import type { Event } from './events.js';
import { runEvents } from './run.js';
import { step } from './step.js';

const config = (clients = 1) => ({
  driver: findDriver('original')!,
  agent: findAgent('prefix')!,
  layers: 4,
  clients,
});

const after = (text: string, clients = 1): EngineState => seqStates(config(clients), text).at(-1)!;

/** The message of the refusal of `text`'s first refused event, or 'accepted'. */
function refusal(text: string, clients = 1): string {
  const r = runEvents(config(clients), seq(text));
  return r.ok ? 'accepted' : r.error.message;
}

/** The message `step` gives for `event` from the start, or 'accepted'. */
function refusalOf(event: Event, clients = 1): string {
  const r = step(newEngine(config(clients)), event);
  return r.ok ? 'accepted' : r.error.message;
}

/** Flows 1 and 2 ended and deleted: both in closedFlows, in that order. */
const TWO_CLOSED = 'e1 e2 r1 r2 fd1*4 fd2*4';

describe('step: the order a poll step reads its table in', () => {
  it('accepts any order of the table, whatever order the table is in', () => {
    expect(refusal('e1 e2 p.readOpen[2,1]')).toBe('accepted');
    // openFlows is [2, 1] and [3, 1, 2]: an order is compared with the table sorted, not as it is.
    expect(refusal('e2 e1 p.readOpen[1,2]')).toBe('accepted');
    expect(refusal('e2 e1 p.readOpen[2,1]')).toBe('accepted');
    expect(refusal('e3 e1 e2 p.readOpen[1,2,3]')).toBe('accepted');
    expect(refusal('e3 e1 e2 p.readOpen[3,1,2]')).toBe('accepted');
    expect(refusal('e10 e9 e2 p.readOpen[2,9,10]')).toBe('accepted');
  });

  it('reads openFlows in the order given', () => {
    const s = after('e1 e2 p.readOpen[2,1]');
    expect(s.poll?.open.map((c) => c.cookie)).toEqual([2, 1]);
  });

  it('refuses an order of other flows, naming the order and the table', () => {
    expect(refusal('e1 p.readOpen[2]')).toBe(
      'events[1] poll.readOpen[2]: order [2] is not an order of openFlows [1]',
    );
    // As many flows as the table, but not its flows.
    expect(refusal('e1 e2 p.readOpen[1,3]')).toBe(
      'events[2] poll.readOpen[1, 3]: order [1, 3] is not an order of openFlows [1, 2]',
    );
    expect(refusal('e1 e2 p.readOpen[1,1]')).toBe(
      'events[2] poll.readOpen[1, 1]: order [1, 1] is not an order of openFlows [1, 2]',
    );
  });

  it('refuses an order with more or fewer flows than the table', () => {
    expect(refusal('e1 e2 p.readOpen[1]')).toBe(
      'events[2] poll.readOpen[1]: order [1] is not an order of openFlows [1, 2]',
    );
    expect(refusal('e1 p.readOpen[1,1]')).toBe(
      'events[1] poll.readOpen[1, 1]: order [1, 1] is not an order of openFlows [1]',
    );
  });

  it('checks the closed read against closedFlows', () => {
    expect(refusal(`${TWO_CLOSED} p.readOpen p.readClosed[2,1]`)).toBe('accepted');
    expect(refusal('e1 r1 fd1*4 p.readOpen p.readClosed[2]')).toBe(
      'events[7] poll.readClosed[2]: order [2] is not an order of closedFlows [1]',
    );
  });

  it('refuses an order on a whole poll: it orders one table read', () => {
    expect(refusal('e1 p[1]')).toBe(
      'events[1] poll[1]: order needs a step (readOpen or readClosed): it orders one table read',
    );
  });
});

describe('step: the client a poll names', () => {
  it('accepts clients 1 to the configured number', () => {
    expect(refusal('p@1', 2)).toBe('accepted');
    expect(refusal('p@2', 2)).toBe('accepted');
    expect(after('p@2', 2).lastPoll?.client).toBe(1);
  });

  it('refuses a client outside 1 to the configured number, naming the range', () => {
    expect(refusal('p@3', 2)).toBe(
      'events[0] poll(client 3): client 3 does not exist (clients 1 to 2)',
    );
    expect(refusal('p@0')).toBe(
      'events[0] poll(client 0): client 0 does not exist (clients 1 to 1)',
    );
    expect(refusalOf({ type: 'poll', client: -1 })).toBe(
      'poll(client -1): client -1 does not exist (clients 1 to 1)',
    );
  });

  it('refuses a client number that is not a whole number', () => {
    expect(refusalOf({ type: 'poll', client: 1.5 }, 2)).toBe(
      'poll(client 1.5): client 1.5 does not exist (clients 1 to 2)',
    );
  });

  it("lets the closed read name the poll's own client, and refuses another", () => {
    expect(refusal('e1 p@1.readOpen p@1.readClosed', 2)).toBe('accepted');
    expect(refusal('e1 p@2.readOpen p@2.readClosed', 2)).toBe('accepted');
    expect(refusal('e1 p.readOpen p@1.readClosed', 2)).toBe('accepted');
    expect(refusal('e1 p@1.readOpen p@2.readClosed', 2)).toBe(
      "events[2] poll(client 2).readClosed: the poll part-way through is client 1's, got client 2",
    );
    expect(refusal('e1 p@2.readOpen p@1.readClosed', 2)).toBe(
      "events[2] poll(client 1).readClosed: the poll part-way through is client 2's, got client 1",
    );
  });
});

describe('step: the asynchronous drain', () => {
  it('runs its read and every store at once when no step is named', () => {
    const whole = after(`${TWO_CLOSED} d`);
    expect([whole.drain, whole.driver.closedFlows]).toEqual([null, []]);
    expect(whole).toEqual(after(`${TWO_CLOSED} d.read d.store d.store`));
  });

  it('holds what its read took until each record is stored, the named one or the first', () => {
    const read = after(`${TWO_CLOSED} d.read`);
    expect([read.drain?.held.map((r) => r.cookie), read.driver.closedFlows]).toEqual([[1, 2], []]);
    expect(after(`${TWO_CLOSED} d.read d2.store`).drain?.held.map((r) => r.cookie)).toEqual([1]);
    expect(after(`${TWO_CLOSED} d.read d.store`).drain?.held.map((r) => r.cookie)).toEqual([2]);
    expect(after(`${TWO_CLOSED} d.read d2.store d1.store`).drain).toBeNull();
  });

  it('refuses a read while records are held, naming them', () => {
    expect(refusal(`${TWO_CLOSED} d.read d.read`)).toBe(
      'events[13] drain.read: the drain holds records not yet stored (flows 1, 2; next step: store)',
    );
    expect(refusal(`${TWO_CLOSED} d.read d`)).toBe(
      'events[13] drain: the drain holds records not yet stored (flows 1, 2; next step: store)',
    );
    expect(refusal(`${TWO_CLOSED} d.read d.store d.read`)).toBe(
      'events[14] drain.read: the drain holds records not yet stored (flows 2; next step: store)',
    );
  });

  it('refuses a read of an empty closedFlows, whole or by step', () => {
    expect(refusal('d')).toBe(
      'events[0] drain: closedFlows is empty: the closed-flows-ready event has not fired',
    );
    expect(refusal('e1 d.read')).toBe(
      'events[1] drain.read: closedFlows is empty: the closed-flows-ready event has not fired',
    );
  });

  it('refuses a flow on a whole drain or on its read', () => {
    expect(refusal(`${TWO_CLOSED} d1`)).toBe(
      'events[12] drain(1): a whole drain stores every record it reads; name the store step to store one',
    );
    expect(refusal(`${TWO_CLOSED} d1.read`)).toBe(
      'events[12] drain.read(1): drain.read reads the whole closed table and takes no flow',
    );
  });

  it('refuses a store with nothing held, or of a flow not held', () => {
    expect(refusal('d.store')).toBe(
      'events[0] drain.store: no drain holds records (next step: read)',
    );
    expect(refusal(`${TWO_CLOSED} d.read d.store d.store d.store`)).toBe(
      'events[15] drain.store: no drain holds records (next step: read)',
    );
    expect(refusal(`${TWO_CLOSED} d.read d3.store`)).toBe(
      'events[13] drain.store(3): the drain holds no record of flow 3 (it holds flows 1, 2)',
    );
    expect(refusal(`${TWO_CLOSED} d.read d1.store d1.store`)).toBe(
      'events[14] drain.store(1): the drain holds no record of flow 1 (it holds flows 2)',
    );
  });

  it('refuses a step the drain does not have, naming its steps', () => {
    expect(refusal('d.flush')).toBe(
      'events[0] drain.flush: drain has no step flush (steps: read, store)',
    );
    expect(refusal(`${TWO_CLOSED} d.read d.flush`)).toBe(
      'events[13] drain.flush: drain has no step flush (steps: read, store)',
    );
  });
});

describe('step: clients come and go', () => {
  it('expires a registered client and registers it again with a new session', () => {
    // Both clients were registered when flow 1 ended; client 1's new session has seen nothing.
    const s = after('e1 r1 exp1 reg1', 2);
    expect(s.sessions).toEqual([
      { ended: [], shipped: {} },
      { ended: [1], shipped: {} },
    ]);
    expect(s.sessions[0]).toBe(NEW_SESSION);
    expect(refusal('exp1 reg1 exp1 reg1')).toBe('accepted');
  });

  it('gives the end of a flow only to the sessions of registered clients', () => {
    expect(after('exp2 e1 r1', 2).sessions).toEqual([
      { ended: [1], shipped: {} },
      { ended: [], shipped: {} },
    ]);
    expect(after('e1 e2 exp1 f1 reg1 f2', 2).sessions.map((x) => x.ended)).toEqual([[2], [1, 2]]);
  });

  it('refuses to register a registered client or expire an expired one', () => {
    expect(refusal('reg1')).toBe('events[0] clientRegister(1): client 1 is already registered');
    expect(refusal('exp1 reg1 reg1')).toBe(
      'events[2] clientRegister(1): client 1 is already registered',
    );
    expect(refusal('exp2 exp2', 2)).toBe('events[1] clientExpire(2): client 2 is not registered');
  });

  it('refuses a client outside 1 to the configured number, naming the range', () => {
    expect(refusal('reg2')).toBe(
      'events[0] clientRegister(2): client 2 does not exist (clients 1 to 1)',
    );
    expect(refusal('exp3', 2)).toBe(
      'events[0] clientExpire(3): client 3 does not exist (clients 1 to 2)',
    );
    expect(refusal('exp0')).toBe(
      'events[0] clientExpire(0): client 0 does not exist (clients 1 to 1)',
    );
  });

  it('names client index i by the string i + 1', () => {
    expect([clientId(0), clientId(2)]).toEqual(['1', '3']);
  });
});
