/**
 * FailuresWithinCloses: per connection and client, shipped failures never exceed shipped closes.
 */
import { describe, expect, it } from 'vitest';
import { stateAfter, withShipped } from '../../checking/fixtures/states.js';
import { FailuresWithinCloses } from './FailuresWithinCloses.js';

const { check } = FailuresWithinCloses;

describe('FailuresWithinCloses', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([
      FailuresWithinCloses.name,
      FailuresWithinCloses.statement,
      FailuresWithinCloses.when,
    ]).toEqual([
      'FailuresWithinCloses',
      'per connection, shipped failures ≤ shipped closes',
      'everyStep',
    ]);
  });

  it('fails on the PR race re-report, naming the connection and both counts', () => {
    expect(check(stateAfter('e1 ce1 r1 fd1*4 cx1 p t1 p'))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: '2 failures shipped, 1 close',
    });
  });

  it('holds when failures equal closes, and with nothing shipped', () => {
    expect(check(stateAfter('e1 ce1 r1 fd1*4 cx1 p'))).toEqual({ ok: true });
    expect(check(stateAfter(''))).toEqual({ ok: true });
  });

  it('counts closes in the plural, and finds a later connection of a later client', () => {
    const base = stateAfter('', { clients: 2 });
    const s = withShipped(base, [
      { 1: { closes: 1, failures: 1 } },
      { 1: { closes: 2, failures: 2 }, 2: { closes: 0, failures: 1 } },
    ]);
    expect(check(s)).toEqual({
      ok: false,
      subject: 'connection 2',
      detail: '1 failures shipped, 0 closes (client 2)',
    });
    expect(check(withShipped(base, [{ 3: { closes: 2, failures: 3 } }, {}]))).toEqual({
      ok: false,
      subject: 'connection 3',
      detail: '3 failures shipped, 2 closes (client 1)',
    });
  });
});
