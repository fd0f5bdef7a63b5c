/**
 * NoUnderflowLeak: no shipped Last field is negative or above its monotonic value.
 */
import { describe, expect, it } from 'vitest';
import type { StatCounters } from '../../engine/agent/statCounters.js';
import { counters } from '../../engine/agent/statCounters.js';
import type { EngineState } from '../../engine/EngineState.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { NoUnderflowLeak } from './NoUnderflowLeak.js';

const { check } = NoUnderflowLeak;

/** The state after one poll that shipped flow 1, with its record's Last and Monotonic replaced. */
function shipped(last: Partial<StatCounters>, monotonic: Partial<StatCounters>): EngineState {
  const s = stateAfter('e1 t1:5 p');
  const records = s.lastPoll!.records.map((r) => ({
    ...r,
    last: counters(last),
    monotonic: counters(monotonic),
  }));
  return { ...s, lastPoll: { ...s.lastPoll!, records } };
}

describe('NoUnderflowLeak', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([NoUnderflowLeak.name, NoUnderflowLeak.statement, NoUnderflowLeak.when]).toEqual([
      'NoUnderflowLeak',
      'no shipped Last field is negative or exceeds its monotonic value',
      'everyStep',
    ]);
  });

  it('holds at both ends: Last 0 and Last equal to Monotonic', () => {
    expect(check(shipped({ sentBytes: 0, recvBytes: 5 }, { sentBytes: 5, recvBytes: 5 }))).toEqual({
      ok: true,
    });
    expect(check(stateAfter('e1'))).toEqual({ ok: true });
  });

  it('fails on a negative Last field', () => {
    expect(check(shipped({ sentBytes: -1 }, { sentBytes: 5 }))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'Last.sentBytes -1 against Monotonic 5',
    });
  });

  it('fails on a Last field above its monotonic value', () => {
    expect(
      check(shipped({ sentBytes: 5, retransmits: 2 }, { sentBytes: 5, retransmits: 1 })),
    ).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'Last.retransmits 2 against Monotonic 1',
    });
  });
});
