/**
 * Graph-seeded walks over the model (fast-check): a plan names one of the model's transitions
 * (from the bounded one-flow graph), the flow that takes it, and random choices for what follows.
 * Its events are the shortest path to the transition's source (renumbered to that flow), the
 * transition, then events the model accepts, chosen at random over all the flows. So every
 * transition, however deep its interleaving, is within reach of a property run, each time in a
 * random context; `eventSequence` (the engine's weighted generator) reaches the deep ones rarely.
 *
 * Leaves out: weights (each next event is chosen uniformly among those the model accepts).
 */
import fc from 'fast-check';
import type { Event } from '../engine/events.js';
import { isFlowEvent } from '../engine/events.js';
import type { ExploreBounds } from '../model/enabledEvents.js';
import { enabledEvents } from '../model/enabledEvents.js';
import type { Exploration, GraphEdge } from '../model/exploreModel.js';
import { pathTo } from '../model/exploreModel.js';
import { modelTransitions } from '../model/modelTransitions.js';
import type { SystemModel } from '../model/systemModel.js';
import { modelStart, modelStep } from '../model/systemModel.js';

/** One transition to reach: its per-flow name and the graph edge that witnesses it. */
export interface WalkTarget {
  readonly transition: string;
  readonly edge: GraphEdge;
}

/** What fast-check draws. */
export interface WalkPlan {
  /** Index into the targets. */
  readonly target: number;
  /** The flow that takes the seed path, 1-based. */
  readonly flow: number;
  /** Choices for the random suffix, one per event. */
  readonly choices: readonly number[];
}

/**
 * Every per-flow transition of a one-flow exploration, each with the first edge (in
 * breadth-first order, so the shallowest source) that takes it.
 *
 * @example
 * walkTargets(exploreModel({ driver: 'original' }))[0].transition //=> 'absent --establish--> open'
 */
export function walkTargets(x: Exploration): WalkTarget[] {
  const seen = new Map<string, WalkTarget>();
  for (const edge of x.edges) {
    const from = x.nodes.get(edge.from);
    const to = x.nodes.get(edge.to);
    if (from === undefined || to === undefined) continue;
    for (const t of modelTransitions(from.snapshot, edge.event, to.snapshot, false)) {
      if (!seen.has(t)) seen.set(t, { transition: t, edge });
    }
  }
  return [...seen.values()];
}

const onFlow = (e: Event, flow: number): Event =>
  isFlowEvent(e) || (e.type === 'drain' && e.flow !== undefined) ? ({ ...e, flow } as Event) : e;

/**
 * The events of a plan in `model` (whose flows may outnumber the exploration's one).
 *
 * @example
 * walkEvents(x, targets, m2, bounds, { target: 3, flow: 2, choices: [] })
 * //=> the path to target 3's source on flow 2, then its event
 */
export function walkEvents(
  x: Exploration,
  targets: readonly WalkTarget[],
  model: SystemModel,
  bounds: ExploreBounds,
  plan: WalkPlan,
): Event[] {
  const target = targets[plan.target % targets.length];
  if (target === undefined) return [];
  const seed = [...pathTo(x, target.edge.from), target.edge.event].map((e) => onFlow(e, plan.flow));
  let s = modelStart(model);
  const events: Event[] = [];
  for (const e of seed) {
    const next = modelStep(model, s, e);
    if (next === null) return events; // cannot happen: the path is the model's own
    events.push(e);
    s = next;
  }
  for (const c of plan.choices) {
    const options = enabledEvents(model, s, bounds);
    const e = options[c % Math.max(options.length, 1)];
    if (e === undefined) break;
    const next = modelStep(model, s, e);
    if (next === null) break;
    events.push(e);
    s = next;
  }
  return events;
}

/**
 * Plans over `targets` for `flows` flows.
 *
 * @example
 * fc.sample(walkPlan(targets.length, 2), 1)[0] //=> { target: 17, flow: 2, choices: [3, 0, 8] }
 */
export const walkPlan = (targets: number, flows: number, maxSuffix = 30): fc.Arbitrary<WalkPlan> =>
  fc.record({
    target: fc.nat({ max: Math.max(targets - 1, 0) }),
    flow: fc.integer({ min: 1, max: flows }),
    choices: fc.array(fc.nat({ max: 1000 }), { maxLength: maxSuffix }),
  });

/** One plan per target and flow with no suffix: fast-check's `examples`, so every target runs. */
export const everyTarget = (targets: number, flows: number): [WalkPlan][] =>
  Array.from({ length: targets * flows }, (_, i) => [
    { target: Math.floor(i / flows), flow: (i % flows) + 1, choices: [] },
  ]);
