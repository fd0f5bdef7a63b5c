/**
 * A compact identity for the model's states, for the explorer's visited set: per flow its driver
 * state, tuple, agent state and the records of it the poll, the drain and the buffer hold, then
 * the orders within tuples, the poll, client 1 and the polls done; with `symmetric`, the least
 * identity over the renumberings of the flows (which are interchangeable).
 *
 * Leaves out: once no poll is left, what only a poll reads (bytes moved, baselines, records'
 * contents, the buffer); orders between different tuples (the aggregation keeps the first record
 * of a tuple); in the isolated environment, whether a flow has bytes (it orders only the records
 * of one tuple in the closed buffer).
 */
import type { FlowMemory } from '../lib/FlowMemory.js';
import { memoryFields } from '../lib/FlowMemory.js';
import type { ModelEnvironment } from './enabledEvents.js';
import type { FlowRecord } from './FlowRecord.js';
import type { Renumbering } from './flowSymmetry.js';
import { renumberings } from './flowSymmetry.js';
import type { ModelContext } from './ModelContext.js';
import type { ModelFlow, OpInFlight } from './ModelFlow.js';
import { isTracked } from './ModelFlow.js';
import { closedFlows, openFlows } from './tableOrder.js';

interface KeyOptions {
  /** A poll may still read the agent's fields. */
  readonly live: boolean;
  readonly production: boolean;
}

/** The design's memory, field by field in name order (every flow of a design has the same fields). */
const memoryPart = (m: FlowMemory) =>
  memoryFields(m)
    .map((k) => +(m[k] as boolean | number))
    .join(',');

const op = (o: OpInFlight | null) => (o === null ? '-' : `${o.step}/${o.attempt}/${+o.flag}`);

/** The record of flow `k` in `rs`: its fields while a poll may read it, else only that it is there. */
const rec = (rs: readonly FlowRecord[] | undefined, k: number, o: KeyOptions) => {
  const r = rs?.find((x) => x.flow === k);
  if (r === undefined) return '-';
  if (!o.live) return 'r';
  return `${+r.moved}${o.production ? +r.bytes : ''}${+r.flowClosed}${r.failures}`;
};

/** Flow `k`'s fields but its tuple (which names a flow, so it is renumbered with the flows). */
function flowPart(c: ModelContext, f: ModelFlow, k: number, o: KeyOptions): string {
  const b = f.baseline === null || !o.live ? '-' : `${+f.baseline.closed}${f.baseline.failures}`;
  const bytes = o.production && o.live && isTracked(f) ? +f.hasBytes : '';
  return [
    f.table,
    f.refCount,
    f.end,
    +f.flowClosed,
    f.notifies,
    f.callouts,
    memoryPart(f.memory),
    op(f.notify),
    op(f.exit),
    +(f.moved && o.live),
    bytes,
    b,
    f.shipped.closes,
    f.shipped.failures,
    rec(c.poll?.open, k, o),
    o.live ? rec(c.client?.closed, k, o) : '',
    rec(c.held, k, o),
  ].join(',');
}

/** The flows of `list` that share their tuple with another established flow, in list order. */
function withinTuples(c: ModelContext, list: readonly number[]): readonly number[] {
  const tuple = (k: number) => c.flows[k - 1]?.tuple;
  const shared = (k: number) =>
    c.flows.some((g, i) => g !== null && i + 1 !== k && g.tuple === tuple(k));
  return list.filter(shared);
}

/** What the identity is made of, before the flows are numbered. */
interface KeyParts {
  readonly flows: readonly ({ readonly tuple: number; readonly part: string } | null)[];
  readonly orders: readonly (readonly number[])[];
  readonly rest: string;
}

function keyParts(c: ModelContext, o: KeyOptions): KeyParts {
  const orders = [
    openFlows(c),
    closedFlows(c),
    (c.poll?.open ?? []).map((r) => r.flow),
    o.live ? (c.client?.closed ?? []).map((r) => r.flow) : [],
  ].map((list) => withinTuples(c, list));
  const poll = c.poll === null ? 'none' : 'between';
  const client = c.client === null ? 'expired' : 'registered';
  return {
    flows: c.flows.map((f, i) => f && { tuple: f.tuple, part: flowPart(c, f, i + 1, o) }),
    orders: [...orders, c.held.map((r) => r.flow)],
    rest: `${poll}|${client}|${c.polls}`,
  };
}

/** The identity with the flows numbered by `perm` (flow `k` becomes `perm[k - 1]`). */
function numbered(p: KeyParts, perm: Renumbering): string {
  const image = (k: number) => perm[k - 1] ?? k;
  const flows: string[] = p.flows.map(() => '-');
  p.flows.forEach((f, i) => {
    if (f !== null) flows[image(i + 1) - 1] = `${image(f.tuple)},${f.part}`;
  });
  const orders = p.orders.map((list) => list.map(image).join(' '));
  return `${flows.join('|')}|${orders.join('/')}|${p.rest}`;
}

/**
 * The identity of context `c` (`environment` says which events may follow).
 *
 * @example
 * stateKey(initialContext(2, 4), true) //=> '-|-|////|none|registered|0'
 */
export function stateKey(
  c: ModelContext,
  symmetric = false,
  pollsLeft = true,
  environment: ModelEnvironment = 'isolated',
): string {
  const o = { live: pollsLeft || c.poll !== null, production: environment === 'production' };
  const p = keyParts(c, o);
  const perms = symmetric ? renumberings(c.flows.length) : [c.flows.map((_, i) => i + 1)];
  let best: string | null = null;
  for (const perm of perms) {
    const k = numbered(p, perm);
    if (best === null || k < best) best = k;
  }
  return best ?? numbered(p, []);
}
