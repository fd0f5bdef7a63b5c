/**
 * explainViolation: the run it builds (the trace's states and events, then its close-out's) and
 * the explainer it picks, the invariant's own or, for a name with none, the lingering flow's.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { seq } from '../engine/seq.js';
import { checkTrace } from './checkTrace.js';
import { explainViolation } from './explainViolation.js';
import { ENGINE_MATCHES_MODEL } from './index.js';

/** What a report or the explorer gets for `name` on `text` (original × prefix). */
function explained(text: string, name: string): string | null {
  const config = {
    driver: findDriver('original')!,
    agent: findAgent('prefix')!,
    layers: 4,
    clients: 1,
  };
  const events = seq(text);
  const check = checkTrace(config, events);
  if (!check.ok) throw check.error;
  return explainViolation(check.value.states, events, check.value.quiescent, name);
}

const PR_RACE = 'e1 ce1 r1 fd1*4 cx1 p t1 p';
const STAYED =
  'at step 7 (flowDeleteNotify(1)) the last delete notification began with refCount 3 and 1 callout(s) holding a reference: flow 1 stayed in openFlows';

describe('explainViolation', () => {
  it("asks the invariant's own explainer", () => {
    expect(explained(PR_RACE, 'FailuresWithinCloses')).toBe(
      'at step 11 (poll) connection 1, still in openFlows, was re-reported with TCPClosed 0 and shipped its failure again',
    );
  });

  it('explains a name with no invariant here (the model comparison) by the lingering flow', () => {
    expect(explained(PR_RACE, ENGINE_MATCHES_MODEL)).toBe(STAYED);
  });

  it('reads the close-out after the trace', () => {
    expect(explained('e1 r1 p fd1*4 d.read p', 'CloseReportedOnce')).toBe(
      "in the close-out (poll) flow 1 shipped its close a second time: the drain read its closed record at step 8 (drain.read), the poll at step 9 (poll) ran before the store in the close-out (drain.store) and forgot the flow's baseline, so the record came back with Last = Monotonic",
    );
  });
});
