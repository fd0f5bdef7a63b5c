/**
 * The agent as the model sees it, one client: `GetDelta` over the poll's records (a closed record
 * absorbs its active twin; only active connections keep a baseline; a record ships when its
 * `Last` is not all zero), then the backend's sums per connection. An agent design decides only
 * how many failures a shipped record carries, from the abstract facts below.
 *
 * Leaves out: byte amounts (a record's bytes either moved since the baseline or not), packets,
 * retransmits, underflows (counters here never go backwards), cookie collisions, aggregation
 * (every connection has its own tuple), buffer limits, telemetry, and clients beyond one.
 */
import type { Event } from '../engine/events.js';
import type { ModelAction } from './driverModel.js';
import { assignModel } from './driverModel.js';
import type { FlowRecord, ModelContext } from './ModelContext.js';
import type { Baseline, ModelFlow } from './ModelFlow.js';

/** What a design sees when a record is updated against its baseline. */
export interface ReReportView {
  /** The record carries `{104: 1}`. */
  readonly failure: boolean;
  /** The client's baseline (`null`: none yet, as good as all zero). */
  readonly baseline: Baseline | null;
  /** `Last.TCPClosed`. */
  readonly lastClosed: 0 | 1;
}

/** An agent design as its file writes it: failures a shipped record carries (0 or 1). */
export interface AgentModelSpec {
  readonly name: string;
  readonly summary: string;
  readonly failuresShipped: (view: ReReportView) => 0 | 1;
}

/** An agent design as the machine takes it: the `shipDelta` action. */
export interface AgentModel {
  readonly name: string;
  readonly summary: string;
  readonly failuresShipped: AgentModelSpec['failuresShipped'];
  readonly actions: { readonly shipDelta: ModelAction };
}

/**
 * `updateConnWithStats` then the filter and the backend, for one record: `Last.TCPEstablished`
 * is 1 only without a baseline (every record reads 1), `Last.TCPClosed` is 1 when the record is
 * closed and the baseline was not, bytes count when they moved.
 *
 * @example
 * shipOne(flow, { flow: 1, moved: true, closed: true, failure: true }, null, prefixRule).shipped
 * //=> { closes: 1, failures: 1 }
 */
export function shipOne(
  f: ModelFlow,
  r: FlowRecord,
  baseline: Baseline | null,
  rule: AgentModelSpec['failuresShipped'],
): ModelFlow {
  const lastEstablished = baseline === null ? 1 : 0;
  const lastClosed = r.closed && !(baseline?.closed ?? false) ? 1 : 0;
  const ships = lastEstablished === 1 || lastClosed === 1 || r.moved;
  if (!ships) return f;
  const failures = rule({ failure: r.failure, baseline, lastClosed });
  return {
    ...f,
    shipped: { closes: f.shipped.closes + lastClosed, failures: f.shipped.failures + failures },
  };
}

/**
 * Step `readClosed`, agent half: the closed pass (drained records, each absorbing its active twin:
 * the counters' maximum, the closed record's own failures), the active pass (the rest, each
 * leaving a baseline), the ship, and the poll is over.
 */
export function shipDelta(
  c: ModelContext,
  rule: AgentModelSpec['failuresShipped'],
): Partial<ModelContext> {
  const poll = c.poll ?? { open: [], closed: [] };
  const flows = c.flows.slice();
  const absorbed = new Set<number>();
  for (const r of poll.closed) {
    const twin = poll.open.find((o) => o.flow === r.flow);
    if (twin !== undefined) absorbed.add(r.flow);
    const merged = {
      ...r,
      moved: r.moved || (twin?.moved ?? false),
      closed: r.closed || (twin?.closed ?? false),
    };
    const f = flows[r.flow - 1] as ModelFlow;
    // A closed record's baseline is forgotten after the poll: it was not active.
    flows[r.flow - 1] = { ...shipOne(f, merged, f.baseline, rule), baseline: null };
  }
  const active = new Set(poll.open.filter((r) => !absorbed.has(r.flow)).map((r) => r.flow));
  for (const r of poll.open) {
    if (!active.has(r.flow)) continue;
    const f = flows[r.flow - 1] as ModelFlow;
    flows[r.flow - 1] = {
      ...shipOne(f, r, f.baseline, rule),
      baseline: { closed: r.closed, failure: r.failure },
    };
  }
  // Only the cookies active in this poll keep a baseline.
  for (const [i, f] of flows.entries()) {
    if (f !== null && !active.has(i + 1) && f.baseline !== null)
      flows[i] = { ...f, baseline: null };
  }
  return { flows, poll: null, polls: c.polls + 1 };
}

/**
 * Turns a design's rule into the `shipDelta` action `flowMachine.provide()` takes.
 *
 * @example
 * agentModel({ name: 'prefix', summary: '…', failuresShipped: ({ failure }) => (failure ? 1 : 0) }).name //=> 'prefix'
 */
export function agentModel(spec: AgentModelSpec): AgentModel {
  return {
    ...spec,
    actions: {
      shipDelta: assignModel(({ context }: { context: ModelContext; event: Event }) =>
        shipDelta(context, spec.failuresShipped),
      ),
    },
  };
}
