/**
 * ClosedReadOnce: the closed-table read returns a flow at most once, and a flow is never in both
 * tables nor twice in closedFlows.
 */
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../engine/EngineState.js';
import type { FlowId } from '../../engine/events.js';
import { flowId } from '../../engine/events.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { ClosedReadOnce } from './ClosedReadOnce.js';

const { check } = ClosedReadOnce;
const [ONE, TWO] = [flowId(1), flowId(2)];

/** `s` with these tables, and flow `id`'s `closedReads` set. */
const withTables = (
  s: EngineState,
  openFlows: FlowId[],
  closedFlows: FlowId[],
  reads?: [FlowId, number],
): EngineState => {
  const flows = s.driver.flows.slice();
  if (reads !== undefined) flows[reads[0]] = { ...flows[reads[0]]!, closedReads: reads[1] };
  return { ...s, driver: { ...s.driver, flows, openFlows, closedFlows } };
};

describe('ClosedReadOnce', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([ClosedReadOnce.name, ClosedReadOnce.statement, ClosedReadOnce.when]).toEqual([
      'ClosedReadOnce',
      'a flow is returned by the closed-table read at most once, and is never in both tables',
      'everyStep',
    ]);
  });

  it('holds for a flow drained once, and for flows each in closedFlows once', () => {
    expect(check(stateAfter('e1 r1 fd1*4 p'))).toEqual({ ok: true });
    expect(check(withTables(stateAfter('e1 e2'), [], [ONE, TWO]))).toEqual({ ok: true });
  });

  it('fails on a flow returned by two closed-table reads', () => {
    expect(check(withTables(stateAfter('e1 e2'), [ONE, TWO], [], [TWO, 2]))).toEqual({
      ok: false,
      subject: 'flow 2',
      detail: 'returned by 2 closed-table reads',
    });
  });

  it('fails on a flow in both tables', () => {
    expect(check(withTables(stateAfter('e1 e2'), [ONE, TWO], [TWO]))).toEqual({
      ok: false,
      subject: 'flow 2',
      detail: 'in openFlows and closedFlows at once',
    });
  });

  it('fails on a flow in closedFlows twice', () => {
    expect(check(withTables(stateAfter('e1 e2'), [ONE], [TWO, TWO]))).toEqual({
      ok: false,
      subject: 'flow 2',
      detail: 'in closedFlows 2 times',
    });
  });
});
