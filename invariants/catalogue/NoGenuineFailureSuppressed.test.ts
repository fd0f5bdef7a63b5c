/**
 * NoGenuineFailureSuppressed: a record that ships a connection's first close ships the failures
 * the driver reported.
 */
import { describe, expect, it } from 'vitest';
import type { EngineState, ShippedPart } from '../../engine/EngineState.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { NoGenuineFailureSuppressed } from './NoGenuineFailureSuppressed.js';

const { check } = NoGenuineFailureSuppressed;

/** The first poll of a reset flow, with its record's part changed. */
function firstClose(change: Partial<ShippedPart>): EngineState {
  const s = stateAfter('e1 e2 t1 r2 fd2*4 p');
  const records = s.lastPoll!.records.map((r) =>
    r.cookie === 2 ? { ...r, parts: r.parts.map((p) => ({ ...p, ...change })) } : r,
  );
  return { ...s, lastPoll: { ...s.lastPoll!, records } };
}

describe('NoGenuineFailureSuppressed', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([
      NoGenuineFailureSuppressed.name,
      NoGenuineFailureSuppressed.statement,
      NoGenuineFailureSuppressed.when,
    ]).toEqual([
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
    expect(check(firstClose({ failures: {} }))).toEqual({
      ok: false,
      subject: 'connection 2',
      detail: 'first close shipped with failures {}, driver reported {"104":1}',
    });
  });

  it('holds on each side of the claim: no close, an earlier close, no failure reported', () => {
    expect(check(firstClose({ failures: {}, lastTCPClosed: 0 }))).toEqual({ ok: true });
    expect(check(firstClose({ failures: {}, closesBefore: 1 }))).toEqual({ ok: true });
    expect(check(firstClose({ failures: {}, rawFailures: {} }))).toEqual({ ok: true });
  });

  it("fails when the aggregator merges a first close into an earlier record of its tuple and keeps that one's failures", () => {
    // Flow 1 closed gracefully but is still in openFlows; flow 3 takes its tuple and is reset.
    expect(check(stateAfter('e1 f1 e3@1 r3 p'))).toEqual({
      ok: false,
      subject: 'connection 3',
      detail:
        'first close shipped with failures {} (merged into flow 1\'s record of tuple 1), driver reported {"104":1}',
    });
    // Read in the other order, flow 3's record is the one kept.
    expect(check(stateAfter('e1 f1 e3@1 r3 p.readOpen[3,1] p.readClosed'))).toEqual({ ok: true });
  });
});
