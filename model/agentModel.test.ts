/**
 * The agent designs in the model: what a lingering reset flow ships over the PR #50823 test's
 * three polls (bytes moving before each), a reset flow drained after an active read, and the
 * production environment's cases of docs/environment.md (one tuple for several flows, the
 * asynchronous drain, client churn).
 */
import { describe, expect, it } from 'vitest';
import type { Event, FlowId } from '../engine/events.js';
import { agentModelNames } from './agents/index.js';
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
