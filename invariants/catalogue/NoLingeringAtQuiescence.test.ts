/**
 * NoLingeringAtQuiescence: once everything has run, openFlows holds no ended flow.
 */
import { describe, expect, it } from 'vitest';
import { flowId } from '../../engine/events.js';
import { quiescentAfter, stateAfter } from '../../checking/fixtures/states.js';
import { NoLingeringAtQuiescence } from './NoLingeringAtQuiescence.js';

const { check } = NoLingeringAtQuiescence;

describe('NoLingeringAtQuiescence', () => {
  it('is judged at quiescence, with its documented statement', () => {
    expect([
      NoLingeringAtQuiescence.name,
      NoLingeringAtQuiescence.statement,
      NoLingeringAtQuiescence.when,
    ]).toEqual([
      'NoLingeringAtQuiescence',
      'at quiescence openFlows holds no ended flow',
      'quiescence',
    ]);
  });

  it('fails on the flow the PR race strands, with its status and refCount', () => {
    expect(check(quiescentAfter('e1 e2 ce2 f2 fd2*4 cx2'))).toEqual({
      ok: false,
      subject: 'flow 2',
      detail: 'ended (fin) but still in openFlows with refCount 1',
    });
  });

  it('holds with live flows in openFlows and ended ones moved', () => {
    expect(check(quiescentAfter('e1 e2 r2 fd2*4', { driver: 'deferred-move' }))).toEqual({
      ok: true,
    });
  });

  it('ignores a number in openFlows that names no flow', () => {
    const s = stateAfter('e1');
    expect(check({ ...s, driver: { ...s.driver, openFlows: [flowId(1), flowId(2)] } })).toEqual({
      ok: true,
    });
  });

  it("witness: with the release's read after the last notification, the racy driver moves the flow", () => {
    const { driver, agent, trace } = NoLingeringAtQuiescence.witness.fixed;
    const { openFlows, closedFlows } = stateAfter(trace, { driver, agent }).driver;
    expect([openFlows, closedFlows]).toEqual([[], [flowId(1)]]);
  });
});
