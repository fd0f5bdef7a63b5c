/**
 * The poll's two driver reads as the model sees them: `readOpen` returns every flow in
 * `openFlows` and removes nothing; `readClosed` drains `closedFlows`, each flow returned once and
 * its table reference released. Each read is one atomic step.
 *
 * Leaves out: the closed-flows-ready event that drains between polls, and table capacity.
 */
import type { FlowRecord, ModelContext } from './ModelContext.js';
import type { ModelFlow } from './ModelFlow.js';
import { releaseReference } from './ModelFlow.js';

/**
 * `FlowToConnStat` after PR #47005: `TCPClosed` with `FLOW_CLOSED` or a failure, and a fresh
 * `{104: 1}` on every read of a reset flow.
 */
export const recordOf = (k: number, f: ModelFlow): FlowRecord => ({
  flow: k,
  moved: f.moved,
  closed: f.flowClosed || f.end === 'reset',
  failure: f.end === 'reset',
});

/**
 * Step `readOpen`: the records of `openFlows`; each flow read counts as the agent's latest read
 * of its bytes.
 *
 * @example
 * readOpenFlows(contextWithOneOpenFlow).poll //=> { open: [{ flow: 1, moved: false, closed: false, failure: false }], closed: [] }
 */
export function readOpenFlows(c: ModelContext): Partial<ModelContext> {
  const open: FlowRecord[] = [];
  const flows = c.flows.map((f, i) => {
    if (f === null || f.table !== 'open') return f;
    open.push(recordOf(i + 1, f));
    return { ...f, moved: false };
  });
  return { flows, poll: { open, closed: [] } };
}

/**
 * Step `readClosed`, driver half: drains `closedFlows` (the poll's records gain them) and drops
 * each drained flow's table reference.
 *
 * @example
 * drainClosedFlows(contextWithAMovedFlow).flows[0].table //=> 'none'
 */
export function drainClosedFlows(c: ModelContext): Partial<ModelContext> {
  const closed: FlowRecord[] = [];
  const flows = c.flows.map((f, i) => {
    if (f === null || f.table !== 'closed') return f;
    closed.push(recordOf(i + 1, f));
    return { ...releaseReference(f), table: 'none' as const, moved: false };
  });
  return { flows, poll: { open: c.poll?.open ?? [], closed } };
}
