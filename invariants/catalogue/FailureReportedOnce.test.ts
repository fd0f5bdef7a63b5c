/**
 * FailureReportedOnce: by quiescence each reset flow has shipped exactly one failure to every client.
 */
import { describe, expect, it } from 'vitest';
import { quiescentAfter, stateAfter, withSessionShipped } from '../../checking/fixtures/states.js';
import { FailureReportedOnce } from './FailureReportedOnce.js';

const { check } = FailureReportedOnce;

describe('FailureReportedOnce', () => {
  it('is judged at quiescence, with its documented statement', () => {
    expect([
      FailureReportedOnce.name,
      FailureReportedOnce.statement,
      FailureReportedOnce.when,
    ]).toEqual([
      'FailureReportedOnce',
      'by quiescence each reset flow has added exactly 1 to shipped failures',
      'quiescence',
    ]);
  });

  it('fails on the PR race with the prefix agent, which re-counts the failure', () => {
    expect(check(quiescentAfter('e1 ce1 r1 fd1*4 cx1'))).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'reset shipped 2 failures',
    });
  });

  it('holds with one failure per reset flow, and ignores graceful closes and live flows', () => {
    expect(check(quiescentAfter('e1 ce1 r1 fd1*4 cx1', { agent: 'postfix' }))).toEqual({
      ok: true,
    });
    expect(check(withSessionShipped(stateAfter('e1 f1 e2'), [{}]))).toEqual({ ok: true });
  });

  it('names a lost failure, and the client when there are several', () => {
    expect(
      check(withSessionShipped(stateAfter('e1 e2 r2'), [{ 2: { closes: 1, failures: 0 } }])),
    ).toEqual({
      ok: false,
      subject: 'connection 2',
      detail: 'reset shipped 0 failures',
    });
    expect(
      check(
        withSessionShipped(stateAfter('e1 r1', { clients: 2 }), [
          { 1: { closes: 1, failures: 1 } },
          { 1: { closes: 1, failures: 2 } },
        ]),
      ),
    ).toEqual({
      ok: false,
      subject: 'connection 1',
      detail: 'reset shipped 2 failures to client 2',
    });
  });
});
