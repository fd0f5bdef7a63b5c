/**
 * Checks over a whole explored model graph, shared by the exploration tests: the per-flow
 * transitions it contains, and the states whose shortest path does not lead back to them.
 */
import type { Exploration } from './exploreModel.js';
import { pathTo } from './exploreModel.js';
import { modelTransitions } from './modelTransitions.js';
import { stateKey } from './stateKey.js';
import { modelStart, modelStep } from './systemModel.js';

/** Every per-flow transition of a graph (modelTransitions.ts), whichever flow takes it. */
export function transitionUniverse(x: Exploration): Set<string> {
  const out = new Set<string>();
  for (const e of x.edges) {
    const from = x.nodes.get(e.from);
    const to = x.nodes.get(e.to);
    if (from === undefined || to === undefined) continue;
    for (const t of modelTransitions(from.snapshot, e.event, to.snapshot, false)) out.add(t);
  }
  return out;
}

/**
 * The keys of the states that the model, replaying the state's shortest path from the start,
 * does not reach: empty when every path is the model's own.
 *
 * @example
 * pathsNotReplayed(exploreModel({ driver: 'original', flows: 1 }, { callouts: 1, polls: 0 })) //=> []
 */
export function pathsNotReplayed(x: Exploration): string[] {
  const { polls, environment } = x.bounds;
  const missed: string[] = [];
  for (const n of x.nodes.values()) {
    let s = modelStart(x.model);
    for (const e of pathTo(x, n.key)) s = modelStep(x.model, s, e) ?? s;
    if (stateKey(s.context, true, s.context.polls < polls, environment) !== n.key)
      missed.push(n.key);
  }
  return missed;
}
