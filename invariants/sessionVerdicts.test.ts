/**
 * sessionVerdicts: what each registered client's session shipped for the flows it saw end.
 */
import { describe, expect, it } from 'vitest';
import { stateAfter } from '../checking/fixtures/states.js';
import { isEnded } from '../engine/driver/flow.js';
import { flowId } from '../engine/events.js';
import { sessionVerdicts } from './sessionVerdicts.js';

const DEFERRED = { driver: 'deferred-move', agent: 'postfix' };
/** Every judged flow must have shipped exactly one close. */
const oneClose = (state: Parameters<typeof sessionVerdicts>[0]) =>
  sessionVerdicts(state, isEnded, (_flow, t) => (t.closes === 1 ? null : `${t.closes} closes`));

describe('sessionVerdicts', () => {
  it('objects to a flow that ended in the session and shipped no close', () => {
    expect(oneClose(stateAfter('e1 f1 fd1*4', DEFERRED))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: '0 closes',
    });
  });

  it('names the client when there are several', () => {
    expect(oneClose(stateAfter('e1 f1 fd1*4 p@1', { ...DEFERRED, clients: 2 }))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: '0 closes to client 2',
    });
  });

  it('leaves out the session of a client that has expired', () => {
    expect(oneClose(stateAfter('e1 f1 fd1*4 exp1', DEFERRED))).toEqual({ ok: true });
  });

  it('passes over a flow it is not asked to judge', () => {
    const s = stateAfter('e1 f1 fd1*4', DEFERRED);
    expect(
      sessionVerdicts(
        s,
        () => false,
        () => 'judged',
      ),
    ).toEqual({ ok: true });
  });

  it('ignores an ended number that names no flow', () => {
    const s = stateAfter('e1 p', DEFERRED);
    const sessions = s.sessions.map((x) => ({ ...x, ended: [flowId(2)] }));
    expect(oneClose({ ...s, sessions })).toEqual({ ok: true });
  });
});
