/**
 * `EngineMatchesModel` over a whole explored graph: every shortest path (the breadth-first tree
 * of model/exploreModel.ts) replays through the engine, one engine step per tree edge, and, for a
 * one-flow graph, every other transition is replayed from its source's engine state too, state by
 * state in breadth-first order. After each step the engine's projection must equal the model's.
 *
 * Leaves out: transitions off the tree of a graph whose states are kept up to renumbering the
 * flows (their events are in another state's numbering); its tree is still checked.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { project } from '../engine/projection.js';
import { step } from '../engine/step.js';
import type { SerializedSnapshot } from '@xstate/graph';
import type { Exploration } from '../model/exploreModel.js';
import { pathTo } from '../model/exploreModel.js';
import { projectModel } from '../model/projectModel.js';
import type { MatchResult } from './engineMatchesModel.js';
import { engineMatchesModel } from './engineMatchesModel.js';

/** What the replay covered, and the first disagreement as a replayable event list. */
export interface GraphCheck {
  /** Shortest paths replayed (one per reachable state). */
  readonly paths: number;
  /** Transitions replayed (tree and off-tree). */
  readonly transitions: number;
  /** The shortest event list that shows a divergence, with its verdict; `null` when none. */
  readonly divergence: { readonly events: readonly Event[]; readonly result: MatchResult } | null;
}

/**
 * Replays exploration `x` through the engine built from `config`.
 *
 * @example
 * graphMatchesEngine(exploreModel({ driver: 'original' }), config)
 * //=> { paths: 2528, transitions: 8765, divergence: null }
 */
export function graphMatchesEngine(x: Exploration, config: EngineConfig): GraphCheck {
  // What to replay from each state: every transition of a one-flow graph; the tree edges of a
  // renumbered one (each child's own event is in its path's numbering).
  const out = new Map<SerializedSnapshot, { event: Event; to: SerializedSnapshot }[]>();
  const add = (from: SerializedSnapshot, event: Event, to: SerializedSnapshot) => {
    const list = out.get(from) ?? [];
    list.push({ event, to });
    out.set(from, list);
  };
  if (x.model.flows === 1) for (const e of x.edges) add(e.from, e.event, e.to);
  else
    for (const n of x.nodes.values())
      if (n.parent !== null && n.event !== null) add(n.parent, n.event, n.key);

  const engines = new Map<SerializedSnapshot, EngineState>();
  let transitions = 0;
  // Breadth-first: the first divergence found is at a shallowest source.
  for (const node of x.nodes.values()) {
    const engine = node.parent === null ? newEngine(config) : engines.get(node.key);
    if (engine === undefined) continue;
    if (node.parent === null) engines.set(node.key, engine);
    for (const { event, to } of out.get(node.key) ?? []) {
      const target = x.nodes.get(to);
      if (target === undefined) continue;
      const r = step(engine, event);
      transitions++;
      if (!r.ok || !isDeepStrictEqual(project(r.value), projectModel(target.snapshot.context))) {
        const events = [...pathTo(x, node.key), event];
        const result = engineMatchesModel(config, events, {
          driver: x.model.driver.name,
          flows: x.model.flows,
        });
        return { paths: engines.size, transitions, divergence: { events, result } };
      }
      if (target.parent === node.key && target.event === event) engines.set(to, r.value);
    }
  }
  return { paths: engines.size, transitions, divergence: null };
}
