/**
 * A compact identity for the model's states, for the explorer's visited set: one short field
 * list per flow (its driver state, agent state and the poll's records of it), then the poll's
 * progress. With `symmetric`, the per-flow parts are sorted, so states that differ only by
 * renumbering the flows (which are interchangeable) share one identity.
 *
 * Leaves out: the state value, which is a function of the context.
 */
import type { FlowRecord, ModelContext } from './ModelContext.js';
import type { ModelFlow, OpInFlight } from './ModelFlow.js';

const op = (o: OpInFlight | null) => (o === null ? '-' : `${o.step}/${o.attempt}/${+o.flag}`);
const rec = (r: FlowRecord | undefined) =>
  r === undefined ? '-' : `${+r.moved}${+r.closed}${+r.failure}`;

function flowPart(c: ModelContext, f: ModelFlow | null, k: number, live: boolean): string {
  if (f === null) return '-';
  const b = f.baseline === null || !live ? '-' : `${+f.baseline.closed}${+f.baseline.failure}`;
  return [
    f.table,
    f.refCount,
    f.end,
    +f.flowClosed,
    f.notifies,
    f.callouts,
    +f.pendingMove,
    +f.locked,
    op(f.notify),
    op(f.exit),
    +(f.moved && live),
    b,
    f.shipped.closes,
    f.shipped.failures,
    rec(c.poll?.open.find((r) => r.flow === k)),
    rec(c.poll?.closed.find((r) => r.flow === k)),
  ].join(',');
}

/**
 * The identity of context `c`.
 *
 * @example
 * stateKey(initialContext(2, 4), true) //=> '-|-|none|0'
 */
export function stateKey(c: ModelContext, symmetric = false, pollsLeft = true): string {
  const live = pollsLeft || c.poll !== null;
  const parts = c.flows.map((f, i) => flowPart(c, f, i + 1, live));
  if (symmetric) parts.sort();
  const poll = c.poll === null ? 'none' : c.poll.closed.length > 0 ? 'drained' : 'between';
  return `${parts.join('|')}|${poll}|${c.polls}`;
}
