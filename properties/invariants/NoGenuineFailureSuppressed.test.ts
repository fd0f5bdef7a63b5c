/**
 * NoGenuineFailureSuppressed: a record that ships a connection's first close ships the failures
 * the driver reported.
 */
import { describe, expect, it } from 'vitest';
import type { ShippedRecord } from '../../engine/EngineState.js';
import type { EngineState } from '../../engine/EngineState.js';
import { stateAfter } from '../fixtures/states.js';
import { NoGenuineFailureSuppressed } from './NoGenuineFailureSuppressed.js';

const { check } = NoGenuineFailureSuppressed;

/** The first poll of a reset flow, with its shipped record changed. */
function firstClose(change: Partial<ShippedRecord>): EngineState {
  const s = stateAfter('e1 e2 t1 r2 fd2*4 p');
  const records = s.lastPoll!.records.map((r) => (r.cookie === 2 ? { ...r, ...change } : r));
  return { ...s, lastPoll: { ...s.lastPoll!, records } };
}

describe('NoGenuineFailureSuppressed', () => {
  it('is judged after every step, with its SPEC statement', () => {
    expect([NoGenuineFailureSuppressed.name, NoGenuineFailureSuppressed.statement, NoGenuineFailureSuppressed.when]).toEqual([
      'NoGenuineFailureSuppressed',
      'the agent never drops the failure of a record that ships a close for the first time',
      'everyStep',
    ]);
  });

  it('holds when the first close ships the reported failure, and before any poll', () => {
    expect(check(firstClose({}))).toEqual({ ok: true });
    expect(check(stateAfter('e1'))).toEqual({ ok: true });
  });

  it('fails when the first close ships without its failure, quoting both maps', () => {
    expect(check(firstClose({ tcpFailures: {} }))).toEqual({
      ok: false,
      subject: 'connection 2',
      detail: 'first close shipped with failures {}, driver reported {"104":1}',
    });
  });

  it('holds on each side of the claim: no close, an earlier close, no failure reported', () => {
    expect(check(firstClose({ tcpFailures: {}, lastTCPClosed: 0 }))).toEqual({ ok: true });
    expect(check(firstClose({ tcpFailures: {}, closesBefore: 1 }))).toEqual({ ok: true });
    expect(check(firstClose({ tcpFailures: {}, rawFailures: {} }))).toEqual({ ok: true });
  });
});
