/**
 * The driver side of every flow event, one event at a time: what each writes, the locals an
 * operation carries between its steps, and the exact reason each malformed event is refused with.
 */
import { describe, expect, it } from 'vitest';
import { seq } from '../seq.js';
import type { Event, FlowEvent } from '../events.js';
import { flowId, isFlowEvent } from '../events.js';
import type { DriverResult } from './applyFlowEvent.js';
import { applyFlowEvent } from './applyFlowEvent.js';
import type { DriverVariant } from './DriverVariant.js';
import { done, goto } from './DriverVariant.js';
import { emptyDriver } from './tables.js';
import type { DriverState } from './tables.js';
import { findDriver } from './variants/index.js';

const ONE = flowId(1);

/** Applies the flow events of `text` in turn; the first refusal ends the run. */
function drive(
  text: string,
  variant: string | DriverVariant = 'original',
  layers = 4,
): DriverResult {
  const v = typeof variant === 'string' ? findDriver(variant)! : variant;
  let d: DriverState = emptyDriver(layers);
  for (const e of seq(text).filter((x: Event): x is FlowEvent => isFlowEvent(x))) {
    const r = applyFlowEvent(d, v, e);
    if (!r.ok) return r;
    d = r.value;
  }
  return { ok: true, value: d };
}

const driver = (
  text: string,
  variant: string | DriverVariant = 'original',
  layers = 4,
): DriverState => {
  const r = drive(text, variant, layers);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const flow1 = (text: string, variant: string | DriverVariant = 'original', layers = 4) =>
  driver(text, variant, layers).flows[ONE]!;
const refusal = (text: string, variant: string | DriverVariant = 'original') => {
  const r = drive(text, variant);
  return r.ok ? 'accepted' : r.error;
};

describe('establish', () => {
  it('puts the flow in openFlows with one reference for the table and one per association', () => {
    const d = driver('e2 e1', 'original', 2);
    expect([d.openFlows, d.flows[ONE]?.refCount, d.flows[ONE]?.status]).toEqual([
      [2, 1],
      3,
      'established',
    ]);
  });

  it('refuses a second establish of the same flow', () => {
    expect(refusal('e1 e1')).toBe('flow 1 is already established');
  });

  it('refuses a 4-tuple that a live connection holds, and gives it out again once that one ended', () => {
    expect(refusal('e1 e2 e3@2')).toBe(
      'tuple 2 belongs to flow 2, which has not ended (two live connections cannot share a 4-tuple)',
    );
    // A RST leaves no TIME_WAIT: the old flow may linger in openFlows while the new one is live.
    const d = driver('e1 r1 e2@1');
    expect([d.openFlows, d.flows[2]?.tuple]).toEqual([[1, 2], 1]);
  });
});

describe('traffic', () => {
  it('counts bytes on a flow in either table', () => {
    expect(flow1('e1 t1:5 t1:1').sentBytes).toBe(6);
    expect(flow1('e1 r1 fd1*4 t1:3').sentBytes).toBe(3);
  });

  it('refuses a byte count that is not a positive integer', () => {
    const d = driver('e1');
    for (const bytes of [0, -1, 1.5]) {
      expect(
        applyFlowEvent(d, findDriver('original')!, { type: 'traffic', flow: ONE, bytes }),
      ).toEqual({
        ok: false,
        error: `bytes must be a positive integer, got ${bytes}`,
      });
    }
  });

  it('touches nothing once the flow is in no table (a drained flow belongs to no lookup)', () => {
    const drained = { ...driver('e1 r1 fd1*4'), closedFlows: [] };
    const r = applyFlowEvent(drained, findDriver('original')!, {
      type: 'traffic',
      flow: ONE,
      bytes: 10,
    });
    expect(r).toEqual({ ok: true, value: drained });
  });
});

describe('calloutEnter and calloutExit', () => {
  it('take and give back one reference each, and count the callouts in flight', () => {
    expect([flow1('e1 ce1 ce1').refCount, flow1('e1 ce1 ce1').callouts]).toEqual([7, 2]);
    expect([flow1('e1 ce1 ce1 cx1').refCount, flow1('e1 ce1 ce1 cx1').callouts]).toEqual([6, 1]);
  });

  it('refuses a callout once the last notify has begun', () => {
    expect(refusal('e1 r1 fd1*3 fd1.cas ce1')).toBe(
      'flow 1 has no layer association left (its last delete notification has begun), so no callout can classify on it',
    );
  });

  it('lets a callout enter while the third notify is part-way through', () => {
    expect(flow1('e1 r1 fd1*2 fd1.cas ce1').callouts).toBe(1);
  });

  it('refuses an exit with no callout in flight', () => {
    expect(refusal('e1 ce1 cx1 cx1')).toBe('no callout in flight on flow 1');
  });
});

describe('reset and fin', () => {
  it('write the terminal status in place', () => {
    expect([flow1('e1 r1').status, flow1('e1 f1').status]).toEqual(['recvRst', 'fin']);
  });

  it('refuse a second end, naming the first', () => {
    expect(refusal('e1 r1 f1')).toBe('flow 1 already ended (recvRst)');
    expect(refusal('e1 f1 r1')).toBe('flow 1 already ended (fin)');
  });
});

describe('operations in named steps', () => {
  it('counts the notify as begun at its first step', () => {
    expect(flow1('e1 r1 fd1.cas').notifies).toBe(1);
  });

  it('carries fresh locals into the first step and keeps what a step saw', () => {
    expect(flow1('e1 ce1 r1 fd1*3 fd1.cas').notify).toEqual({
      step: 'decrement',
      seen: 3,
      flag: false,
      attempt: 0,
    });
  });

  it('clears the locals when the operation ends', () => {
    expect([
      flow1('e1 ce1 r1 fd1*3 fd1.cas fd1.decrement').notify,
      flow1('e1 ce1 cx1').exit,
    ]).toEqual([null, null]);
  });

  it('names every step of the operation when the first step is wrong', () => {
    expect(refusal('e1 r1 fd1.move')).toBe(
      'flowDeleteNotify on flow 1 starts with step cas, got move (steps: cas, move, decrement)',
    );
    expect(refusal('e1 ce1 cx1.decrement', 'deferred-move-racy')).toBe(
      'calloutExit on flow 1 starts with step readPending, got decrement (steps: readPending, decrement, move)',
    );
  });

  it('refuses a whole operation while the same kind is part-way through', () => {
    expect(refusal('e1 ce1 cx1.readPending cx1', 'deferred-move-racy')).toBe(
      'a calloutExit is part-way through on flow 1 (next step: decrement); name its steps',
    );
    expect(refusal('e1 r1 fd1.cas fd1')).toBe(
      'a flowDeleteNotify is part-way through on flow 1 (next step: decrement); name its steps',
    );
  });

  it('names the next step when a later step comes out of order', () => {
    expect(refusal('e1 ce1 cx1.readPending cx1.move', 'deferred-move-racy')).toBe(
      'the next step of calloutExit on flow 1 is decrement, got move',
    );
  });

  it('refuses a step that finds the flow lock held, naming the operation', () => {
    expect(refusal('e1 ce1 r1 fd1.acquire cx1', 'flow-lock')).toBe(
      'step acquire of calloutExit on flow 1 cannot run now (the flow lock is held)',
    );
    expect(refusal('e1 ce1 r1 cx1.acquire fd1', 'flow-lock')).toBe(
      'step acquire of flowDeleteNotify on flow 1 cannot run now (the flow lock is held)',
    );
  });
});

describe('a variant that breaks the step protocol', () => {
  const base = findDriver('original')!;

  it('refuses a step that names no step of its operation', () => {
    const lost: DriverVariant = {
      ...base,
      name: 'lost',
      calloutExit: { decrement: ({ driver: d }) => goto(d, 'nowhere') },
    };
    expect(refusal('e1 ce1 cx1', lost)).toBe('calloutExit has no step nowhere');
  });

  it('ends the operation when a step hands back a driver without the flow', () => {
    const dropping: DriverVariant = {
      ...base,
      name: 'dropping',
      calloutExit: { decrement: () => goto(emptyDriver(4), 'decrement') },
    };
    expect(drive('e1 ce1 cx1', dropping)).toStrictEqual({ ok: true, value: emptyDriver(4) });
  });

  it('runs a whole operation to its end in one event', () => {
    const twice: DriverVariant = {
      ...base,
      name: 'twice',
      calloutExit: {
        first: ({ driver: d }) => goto(d, 'second', { seen: 9 }),
        second: ({ driver: d, locals }) => done({ ...d, layers: locals.seen }),
      },
    };
    expect(driver('e1 ce1 cx1', twice).layers).toBe(9);
  });
});
