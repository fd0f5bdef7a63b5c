/**
 * RateAtMost100: each client's backend total failures stay at or below its total closes.
 */
import { describe, expect, it } from 'vitest';
import { stateAfter, withShipped } from '../../checking/fixtures/states.js';
import { RateAtMost100 } from './RateAtMost100.js';

const { check } = RateAtMost100;

describe('RateAtMost100', () => {
  it('is judged after every step, with its statement', () => {
    expect([RateAtMost100.name, RateAtMost100.statement, RateAtMost100.when]).toEqual([
      'RateAtMost100',
      'backend total failures ≤ total closes (rate ≤ 100%)',
      'everyStep',
    ]);
  });

  it('fails at 200% on the PR race with the prefix agent', () => {
    expect(check(stateAfter('e1 ce1 r1 fd1*4 cx1 p t1 p'))).toEqual({
      ok: false,
      subject: 'backend',
      detail: '2 failures over 1 closes: rate 200%',
    });
  });

  it('holds at exactly 100%', () => {
    expect(check(stateAfter('e1 ce1 r1 fd1*4 cx1 p'))).toEqual({ ok: true });
  });

  it('rounds the rate, shows ∞ with no close, and names the client when there are several', () => {
    const one = stateAfter('');
    expect(check(withShipped(one, [{ 1: { closes: 3, failures: 5 } }]))).toEqual({
      ok: false,
      subject: 'backend',
      detail: '5 failures over 3 closes: rate 167%',
    });
    expect(check(withShipped(one, [{ 1: { closes: 0, failures: 1 } }]))).toEqual({
      ok: false,
      subject: 'backend',
      detail: '1 failures over 0 closes: rate ∞',
    });
    const two = stateAfter('', { clients: 2 });
    expect(
      check(
        withShipped(two, [{ 1: { closes: 1, failures: 1 } }, { 1: { closes: 1, failures: 2 } }]),
      ),
    ).toEqual({
      ok: false,
      subject: 'backend of client 2',
      detail: '2 failures over 1 closes: rate 200%',
    });
  });

  it('reads of a connection only its shipped failures less its closes, and no shared counter', () => {
    const { connection, shared } = RateAtMost100.scope;
    expect(shared()).toBeNull();
    expect([
      connection({ closes: 1, failures: 3 }),
      connection({ closes: 2, failures: 0 }),
      connection(null),
    ]).toEqual([2, -2, 0]);
  });
});
