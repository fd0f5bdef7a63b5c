/**
 * CloseReportedOnce: by quiescence each ended flow has shipped exactly one close to every client.
 */
import { describe, expect, it } from 'vitest';
import { quiescentAfter, stateAfter, withSessionShipped } from '../../checking/fixtures/states.js';
import { CloseReportedOnce } from './CloseReportedOnce.js';

const { check } = CloseReportedOnce;

describe('CloseReportedOnce', () => {
  it('is judged at quiescence, with its documented statement', () => {
    expect([CloseReportedOnce.name, CloseReportedOnce.statement, CloseReportedOnce.when]).toEqual([
      'CloseReportedOnce',
      'by quiescence each ended flow has added exactly 1 to shipped closes',
      'quiescence',
    ]);
  });

  it('fails on a lingering graceful close, which never ships its close', () => {
    expect(check(quiescentAfter('e1 ce1 f1 fd1*4 cx1', { agent: 'postfix' }))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'graceful close shipped 0 closes',
    });
  });

  it('holds once each ended flow shipped one close, and ignores live flows', () => {
    expect(check(quiescentAfter('e1 e2 r1 fd1*4', { clients: 2 }))).toEqual({ ok: true });
  });

  it('names a reset shipped twice, and the client when there are several', () => {
    const reset = stateAfter('e1 e2 r2');
    expect(check(withSessionShipped(reset, [{ 2: { closes: 2, failures: 1 } }]))).toEqual({
      ok: false,
      subject: 'connection 2',
      detail: 'reset shipped 2 closes',
    });
    const two = stateAfter('e1 r1', { clients: 2 });
    expect(check(withSessionShipped(two, [{ 1: { closes: 1, failures: 1 } }, {}]))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'reset shipped 0 closes to client 2',
    });
  });

  it('judges the sessions that saw the end: not one registered after it, nor one that expired', () => {
    // Arrange: the reset's close is drained while client 1 is away; it re-registers after the end.
    const away = quiescentAfter('e1 r1 exp1 fd1*4 reg1', { agent: 'postfix' });
    // Act, Assert: the new session never saw flow 1 end, so it owes no close for it.
    expect(away.sessions[0]?.ended).toEqual([]);
    expect(check(away)).toEqual({ ok: true });
  });

  it('fails when the drain stores a close after a poll forgot its baseline: the close ships twice', () => {
    expect(
      check(
        quiescentAfter('e1 r1 p fd1*4 d.read p d.store', {
          driver: 'deferred-move',
          agent: 'postfix',
        }),
      ),
    ).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'reset shipped 2 closes',
    });
  });
});
