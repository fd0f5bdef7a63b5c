/**
 * Graph exploration of the model with @xstate/graph: `getAdjacencyMap` over the bounded events
 * (enabledEvents.ts) gives every reachable state and transition; a breadth-first pass over that
 * map gives one shortest event path to each state (what `getShortestPaths` computes, without a
 * second traversal), replayable as it stands. States are identified by stateKey.ts: with more
 * than one flow up to renumbering the flows, and once no poll is left without the fields only a
 * poll reads (bytes moved, baselines).
 *
 * Leaves out: any other reduction (no partial orders: every interleaving of the flows' steps is a
 * path of its own).
 */
import type { SerializedSnapshot } from '@xstate/graph';
import { getAdjacencyMap } from '@xstate/graph';
import { transition } from 'xstate';
import type { Event } from '../engine/events.js';
import type { ExploreBounds } from './enabledEvents.js';
import { DEFAULT_BOUNDS, enabledEvents } from './enabledEvents.js';
import { isIdentity, renumberEvent, renumberingBetween } from './flowSymmetry.js';
import type { FlowMachine } from './flowMachine.js';
import type { ModelContext } from './ModelContext.js';
import { isStranded } from './ModelFlow.js';
import { stateKey } from './stateKey.js';
import type { ModelConfig, ModelSnapshot, SystemModel } from './systemModel.js';
import { modelStart, systemModel } from './systemModel.js';

/** One reachable state: its snapshot and how the shortest path reaches it. */
export interface GraphNode {
  readonly key: SerializedSnapshot;
  readonly snapshot: ModelSnapshot;
  /** The previous state on a shortest path (`null` for the start). */
  readonly parent: SerializedSnapshot | null;
  /** The event from `parent`. */
  readonly event: Event | null;
  readonly depth: number;
}

/** One transition (with several flows, in the numbering of the state the graph kept). */
export interface GraphEdge {
  readonly from: SerializedSnapshot;
  readonly event: Event;
  readonly to: SerializedSnapshot;
}

/** What an exploration found. */
export interface Exploration {
  readonly model: SystemModel;
  readonly bounds: ExploreBounds;
  /** Reachable states in breadth-first order (the start first). */
  readonly nodes: ReadonlyMap<SerializedSnapshot, GraphNode>;
  readonly edges: readonly GraphEdge[];
  /** The nearest state with a lingering flow, if any is reachable. */
  readonly lingering: GraphNode | null;
}

/** True when some flow is stranded in `openFlows` (docs/semantics.md#nolingeringatquiescence). */
export const hasLingeringFlow = (s: ModelSnapshot): boolean =>
  s.context.flows.some((f) => f !== null && isStranded(f, s.context.layers));

/** The states along the shortest path to `key`, after the start (one per event). */
export function pathNodes(x: Pick<Exploration, 'nodes'>, key: SerializedSnapshot): GraphNode[] {
  const nodes: GraphNode[] = [];
  for (let n = x.nodes.get(key); n !== undefined && n.parent !== null; n = x.nodes.get(n.parent)) {
    nodes.push(n);
  }
  return nodes.reverse();
}

/** The events of the shortest path to `key`. */
export const pathTo = (x: Pick<Exploration, 'nodes'>, key: SerializedSnapshot): Event[] =>
  pathNodes(x, key).flatMap((n) => (n.event === null ? [] : [n.event]));

/** Options of {@link exploreModel}. */
export interface ExploreOptions extends Partial<ExploreBounds> {
  /** Identify states up to renumbering the flows. @defaultValue true when flows > 1 */
  readonly symmetry?: boolean;
  /** Called every 1,000 new states (the CLI shows progress from it). */
  readonly onProgress?: (states: number) => void;
  /** Explore this machine instead of the design's (one loaded from toMachineJson.ts). */
  readonly machine?: FlowMachine;
}

/**
 * Explores `config` within the bounds.
 *
 * @example
 * const x = exploreModel({ driver: 'original', flows: 1 });
 * x.lingering !== null //=> true
 */
export function exploreModel(config: ModelConfig, options: ExploreOptions = {}): Exploration {
  const designed = systemModel(config);
  const model =
    options.machine === undefined ? designed : { ...designed, machine: options.machine };
  const bounds: ExploreBounds = {
    callouts: options.callouts ?? DEFAULT_BOUNDS.callouts,
    polls: options.polls ?? DEFAULT_BOUNDS.polls,
    environment: options.environment ?? 'isolated',
  };
  const symmetric = options.symmetry ?? model.flows > 1;
  const keyOf = (c: ModelContext, sym: boolean) =>
    stateKey(c, sym, c.polls < bounds.polls, bounds.environment);
  const key = (s: ModelSnapshot) => keyOf(s.context, symmetric) as SerializedSnapshot;
  let seen = 0;
  const adjacency = getAdjacencyMap(model.machine, {
    fromState: modelStart(model),
    serializeState: key,
    events: (s: ModelSnapshot) => {
      if (++seen % 1000 === 0) options.onProgress?.(seen);
      return enabledEvents(model, s, bounds);
    },
  });
  const start = key(modelStart(model));
  const nodes = new Map<SerializedSnapshot, GraphNode>();
  const edges: GraphEdge[] = [];
  const first = adjacency[start];
  if (first === undefined) throw new Error('exploreModel: the start state is missing');
  nodes.set(start, { key: start, snapshot: first.state, parent: null, event: null, depth: 0 });
  const queue = [start];
  let lingering: GraphNode | null = null;
  const exact = (c: ModelContext) => keyOf(c, false);
  for (let i = 0; i < queue.length; i++) {
    const from = nodes.get(queue[i] as SerializedSnapshot) as GraphNode;
    if (lingering === null && hasLingeringFlow(from.snapshot)) lingering = from;
    const kept = adjacency[from.key];
    if (kept === undefined) continue;
    // The graph kept one state per identity; say which of its flows is which of ours.
    const perm = symmetric
      ? renumberingBetween(kept.state.context, from.snapshot.context, exact)
      : null;
    for (const t of Object.values(kept.transitions)) {
      const to = key(t.state);
      edges.push({ from: from.key, event: t.event, to });
      if (nodes.has(to)) continue;
      const event = perm === null ? t.event : renumberEvent(t.event, perm);
      const snapshot =
        perm === null || isIdentity(perm)
          ? t.state
          : transition(model.machine, from.snapshot, event)[0];
      nodes.set(to, { key: to, snapshot, parent: from.key, event, depth: from.depth + 1 });
      queue.push(to);
    }
  }
  return { model, bounds, nodes, edges, lingering };
}
