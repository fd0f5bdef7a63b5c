/**
 * The agent as the model sees it, client 1: `GetDelta` over the poll's open records and the
 * client's closed buffer (docs/environment.md, *How a poll ships, step by step*): a closed pass in
 * buffer order (each closed record absorbing the active record of its cookie), an active pass in
 * read order (only these keep a baseline), the filter, the aggregation by tuple and the encoder.
 * An agent design is four rules (AgentDesign.ts).
 *
 * Leaves out: byte amounts, packets, retransmits, underflows, cookie collisions, buffer limits,
 * telemetry, and clients beyond one.
 */
import type { Event } from '../engine/events.js';
import type { AgentDesign, AgentModelSpec } from './AgentDesign.js';
import { withDefaults } from './AgentDesign.js';
import type { TupleRecord } from './aggregateByTuple.js';
import { contributions } from './aggregateByTuple.js';
import { getClient } from './clientChurn.js';
import type { ModelAction } from './driverModel.js';
import { assignModel } from './driverModel.js';
import { NEW_CLIENT } from './ModelClient.js';
import type { ModelContext } from './ModelContext.js';
import type { ModelFlow, Shipped } from './ModelFlow.js';
import type { UpdatedRecord } from './updateConnWithStats.js';
import { absorb, statsOf, updateConnWithStats } from './updateConnWithStats.js';

/** An agent design as the machine takes it: its rules and the `shipDelta` action. */
export interface AgentModel extends AgentDesign {
  readonly actions: { readonly shipDelta: ModelAction };
}

const add = (a: Shipped, b: Shipped | undefined): Shipped =>
  b === undefined ? a : { closes: a.closes + b.closes, failures: a.failures + b.failures };

/** The closed pass then the active pass: every record updated, and which ones were active. */
function deltaPasses(
  c: ModelContext,
  flows: ModelContext['flows'],
  closed: ModelContext['held'],
  design: AgentDesign,
): { readonly closedPass: UpdatedRecord[]; readonly activePass: UpdatedRecord[] } {
  const baselineOf = (k: number) => flows[k - 1]?.baseline ?? null;
  const open = (c.poll?.open ?? []).map((r) => statsOf(r, design));
  const closedPass = closed.map((r) => {
    const twin = open.find((o) => o.flow === r.flow);
    return updateConnWithStats(absorb(statsOf(r, design), twin), baselineOf(r.flow), design);
  });
  const activePass = open
    .filter((o) => !closed.some((r) => r.flow === o.flow))
    .map((o) => updateConnWithStats(o, baselineOf(o.flow), design));
  return { closedPass, activePass };
}

/**
 * Step `readClosed`, agent half (after the closed read stored the poll's records): `GetDelta`
 * for client 1, re-created first if it is not registered; the ship; the poll is over.
 */
function shipDelta(c: ModelContext, design: AgentDesign): Partial<ModelContext> {
  const { flows, client } = getClient(c);
  const { closedPass, activePass } = deltaPasses(c, flows, client?.closed ?? [], design);
  const tupled = (u: UpdatedRecord): TupleRecord => ({
    ...u,
    tuple: (flows[u.flow - 1] as ModelFlow).tuple,
  });
  const shipped = [...activePass, ...closedPass].filter((u) => u.ships).map(tupled);
  const byFlow = contributions(shipped, design);
  const next = new Map(activePass.map((u) => [u.flow, u.next]));
  const after = flows.map(
    (f, i) =>
      f && { ...f, baseline: next.get(i + 1) ?? null, shipped: add(f.shipped, byFlow.get(i + 1)) },
  );
  return { flows: after, client: NEW_CLIENT, poll: null, polls: c.polls + 1 };
}

/**
 * Turns a design's rules into the `shipDelta` action `flowMachine.provide()` takes.
 *
 * @example
 * agentModel({ name: 'prefix', summary: '…', reReport: keepFailures, encodeFailures: encodeAsIs }).name //=> 'prefix'
 */
export function agentModel(spec: AgentModelSpec): AgentModel {
  const design = withDefaults(spec);
  return {
    ...design,
    actions: {
      shipDelta: assignModel(({ context }: { context: ModelContext; event: Event }) =>
        shipDelta(context, design),
      ),
    },
  };
}
