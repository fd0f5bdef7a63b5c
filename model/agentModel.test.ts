/**
 * The agent designs in the model: what a lingering reset flow ships over the PR #50823 test's
 * three polls (bytes moving before each), a reset flow drained after an active read, and the
 * production environment's cases of docs/environment.md (one tuple for several flows, the
 * asynchronous drain, client churn).
 */
import { describe, expect, it } from 'vitest';
import type { Event, FlowId } from '../engine/events.js';
import { agentModelNames } from './agents/index.js';
import { shorthand } from './shorthand.js';
import type { ModelSnapshot, SystemModel } from './systemModel.js';
import { modelStart, modelStep, systemModel } from './systemModel.js';

const f1 = 1 as FlowId;
const E = {
  e: { type: 'establish', flow: f1 },
  t: { type: 'traffic', flow: f1, bytes: 10 },
  ce: { type: 'calloutEnter', flow: f1 },
  cx: { type: 'calloutExit', flow: f1 },
  r: { type: 'reset', flow: f1 },
  fd: { type: 'flowDeleteNotify', flow: f1 },
  p: { type: 'poll' },
} as const satisfies Record<string, Event>;

function shipped(m: SystemModel, list: readonly Event[]) {
  let s: ModelSnapshot = modelStart(m);
  for (const e of list) s = modelStep(m, s, e) ?? s;
  return s.context.flows[0]?.shipped;
}

// The PR's replay: the flow lingers (a callout spans the last notify), then three polls with bytes.
const THREE_POLLS = [E.e, E.t, E.ce, E.r, E.fd, E.fd, E.fd, E.fd, E.cx, E.p, E.t, E.p, E.t, E.p];

describe('agent designs', () => {
  it.each([
    ['prefix', { closes: 1, failures: 3 }],
    ['postfix', { closes: 1, failures: 1 }],
    ['encoder-gate', { closes: 1, failures: 1 }],
    ['failures-delta', { closes: 1, failures: 1 }],
    // FLOW_CLOSED alone: the lingering flow never moves, so it never reads as closed.
    ['close-record', { closes: 0, failures: 0 }],
  ])('ships %s: %o over three polls of a lingering reset flow', (agent, totals) => {
    expect(shipped(systemModel({ driver: 'original', agent }), THREE_POLLS)).toEqual(totals);
  });

  it.each([
    ['prefix', 2],
    ['postfix', 1],
    ['encoder-gate', 1],
    ['failures-delta', 1],
    ['close-record', 1],
  ])(
    'ships %s: 1 close and %d failure(s) for a reset flow read open, then drained after bytes moved',
    (agent, failures) => {
      // No lingering here: under prefix the drained record re-ships the failure (its bytes moved).
      const m = systemModel({ driver: 'original', agent });
      expect(shipped(m, [E.e, E.r, E.p, E.t, E.fd, E.fd, E.fd, E.fd, E.p, E.p])).toEqual({
        closes: 1,
        failures,
      });
    },
  );

  it('has a model of every agent design', () => {
    expect([...agentModelNames].sort()).toEqual([
      'close-record',
      'encoder-gate',
      'failures-delta',
      'postfix',
      'prefix',
    ]);
  });

  it('ships nothing for a re-read whose bytes did not move (the filter looks at Last only)', () => {
    const m = systemModel({ driver: 'original', agent: 'prefix' });
    expect(shipped(m, [E.e, E.t, E.ce, E.r, E.fd, E.fd, E.fd, E.fd, E.cx, E.p, E.p, E.p])).toEqual({
      closes: 1,
      failures: 1,
    });
  });
});

/** Each flow's shipped closes/failures in the current session, after `text` (every event accepted). */
function totals(agent: string, text: string, flows = 2): string {
  const m = systemModel({ driver: 'original', agent, flows });
  let s: ModelSnapshot = modelStart(m);
  for (const e of shorthand(text)) {
    const next = modelStep(m, s, e);
    if (next === null) throw new Error(`refused: ${JSON.stringify(e)}`);
    s = next;
  }
  return s.context.flows
    .map((f, i) => `${i + 1}:${f?.shipped.closes}/${f?.shipped.failures}`)
    .join(' ');
}

const LINGERING = 'e1 t1 ce1 r1 fd1*4 cx1';

// docs/environment.md, "How a poll ships, step by step", on the environment's cases.
describe('shipping in the production environment', () => {
  it.each([
    // The lingering flow and a new flow of its tuple: the first record read keeps its failure.
    ['prefix', `${LINGERING} e2@1 t2 p.readOpen p.readClosed`, '1:1/1 2:0/0'],
    ['prefix', `${LINGERING} e2@1 t2 p.readOpen[2,1] p.readClosed`, '1:1/0 2:0/0'],
    // Active records aggregate before closed ones, whatever the table order.
    ['prefix', 'e1 t1 r1 fd1*4 e2@1 t2 p', '1:1/0 2:0/0'],
    ['close-record', 'e1 t1 r1 fd1*4 e2@1 t2 p', '1:1/1 2:0/0'],
    // Two closed records of one tuple: read order, and close-record keeps both failures.
    ['prefix', 'e1 t1 r1 fd1*4 e2@1 t2 r2 fd2*4 p.readOpen p.readClosed[2,1]', '1:1/0 2:1/1'],
    ['close-record', 'e1 t1 r1 fd1*4 e2@1 t2 r2 fd2*4 p', '1:1/1 2:1/1'],
    // An empty record (a fin, no bytes) goes after a non-empty one read later.
    ['prefix', 'e1 f1 fd1*4 e2@1 t2 r2 fd2*4 p', '1:1/0 2:1/1'],
    ['prefix', 'e1 t1 f1 fd1*4 e2@1 r2 fd2*4 p', '1:1/0 2:1/0'],
    // The encoder sees the merged record: a lingering re-report's failure rides on another's close.
    ['encoder-gate', `${LINGERING} p e2@1 t2 f2 fd2*4 t1 p`, '1:1/2 2:1/0'],
    ['postfix', `${LINGERING} p e2@1 t2 f2 fd2*4 t1 p`, '1:1/1 2:1/0'],
  ])('%s after "%s" ships %s', (agent, text, expected) => {
    expect(totals(agent, text)).toBe(expected);
  });

  it.each([
    ['prefix', '1:2/2'],
    ['postfix', '1:2/2'],
    ['encoder-gate', '1:2/2'],
    ['failures-delta', '1:2/2'],
    ['close-record', '1:1/1'],
  ])(
    '%s: a drain read, a poll that forgets the baseline, then the store: the close ships again (%s)',
    (agent, expected) => {
      expect(totals(agent, 'e1 t1 r1 p fd1*4 d.read p d.store p', 1)).toBe(expected);
    },
  );

  it.each([
    ['a drain-stored record, then client 1 expires: dropped', 'e1 t1 r1 fd1*4 d exp1 p', '1:0/0'],
    [
      'a held record stored while client 1 is gone: dropped',
      'e1 t1 r1 fd1*4 d.read exp1 d.store p',
      '1:0/0',
    ],
    [
      'the poll’s own closed records, client 1 gone: dropped',
      'e1 t1 p.readOpen exp1 r1 fd1*4 p.readClosed p',
      '1:0/0',
    ],
    ['a new registration starts an empty session', 'e1 t1 r1 p exp1 reg1', '1:0/0'],
    ['a poll re-creates client 1: the flow ships again', 'e1 t1 r1 p exp1 t1 p', '1:1/1'],
    [
      'a registration between the reads takes the poll’s records',
      'e1 t1 p.readOpen exp1 reg1 r1 fd1*4 p.readClosed',
      '1:1/1',
    ],
  ])('client churn: %s (%s → %s)', (_what, text, expected) => {
    expect(totals('prefix', text, 1)).toBe(expected);
  });
});
