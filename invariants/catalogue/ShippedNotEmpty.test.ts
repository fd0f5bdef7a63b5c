/**
 * ShippedNotEmpty: the filter lets no record with an all-zero Last through.
 */
import { describe, expect, it } from 'vitest';
import { counters } from '../../engine/agent/statCounters.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { ShippedNotEmpty } from './ShippedNotEmpty.js';

const { check } = ShippedNotEmpty;

describe('ShippedNotEmpty', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([ShippedNotEmpty.name, ShippedNotEmpty.statement, ShippedNotEmpty.when]).toEqual([
      'ShippedNotEmpty',
      'every shipped record has a non-zero Last',
      'everyStep',
    ]);
  });

  it('holds before any poll and on what the engine ships', () => {
    expect(check(stateAfter('e1'))).toEqual({ ok: true });
    expect(check(stateAfter('e1 e2 p t2 p'))).toEqual({ ok: true });
  });

  it('fails on a shipped record whose Last is all zero, naming the poll', () => {
    const s = stateAfter('e1 e2 p t1 t2 p');
    const records = s.lastPoll!.records.map((r) =>
      r.cookie === 2 ? { ...r, last: counters() } : r,
    );
    expect(check({ ...s, lastPoll: { ...s.lastPoll!, records } })).toEqual({
      ok: false,
      subject: 'connection 2',
      detail: 'shipped with an all-zero Last in poll 2',
    });
  });
});
