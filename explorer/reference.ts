/**
 * The reference search: the same breadth-first exploration as bfs.ts, on whole engine states, with
 * none of the explorer's claims (A1–A8 of abstraction.ts) except, when asked, flow symmetry. Each
 * state is keyed by everything it holds (raw byte counts, ghost counters, `lastPoll`, table order
 * aside), every invariant is judged on every new state, and each state keeps the event that
 * reached it. Slow, and meant to be: the tests check that the fast search gives its verdicts and
 * trace lengths.
 *
 * Leaves out: partial-order reduction, progress, shards and fingerprints.
 */
import type { EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import type { Invariant } from '../properties/invariants/Invariant.js';
import { invariants as ALL_INVARIANTS } from '../properties/invariants/index.js';
import type { Budget, ExploreConfig } from './bounds.js';
import { emptyBudget, engineConfigOf } from './bounds.js';
import type { QuiescenceMode } from './bfs.js';
import { successors } from './enabledEvents.js';
import { closedOut } from './closedOut.js';

/** What the reference search found. */
export interface ReferenceResult {
  readonly distinctStates: number;
  readonly depth: number;
  /** Violated invariants in the order given, each with the length of its shortest trace. */
  readonly violations: readonly {
    readonly invariant: string;
    readonly depth: number;
    readonly events: readonly Event[];
  }[];
}

/** Everything flow `n` owns in `state`, its number left out. */
function flowPart(state: EngineState, n: number, budget: Budget): string {
  const id = flowId(n);
  const flow = state.driver.flows[id];
  const lp = state.lastPoll;
  // Plain JSON: the engine builds its objects with fixed key orders; a state written two ways
  // would only be stored twice, which costs time, not correctness.
  return JSON.stringify([
    flow === undefined ? null : { ...flow, id: 0 },
    state.driver.openFlows.includes(id),
    state.driver.closedFlows.filter((f) => f === id).length,
    state.agent.clients.map((c) => c.stats.get(id as never) ?? null),
    state.poll?.open
      .filter((c) => (c.cookie as number) === n)
      .map((c) => ({ ...c, cookie: 0, tuple: '' })) ?? null,
    state.backends.map((b) => b.connections[n] ?? null),
    lp === null
      ? null
      : lp.records.filter((r) => r.cookie === n).map((r) => ({ ...r, flow: 0, cookie: 0 })),
    lp === null ? null : [lp.openCookies.includes(n), lp.closedCookies.includes(n)],
    budget.entered[n],
    budget.traffic[n],
  ]);
}

/** The reference key: the shared part, then the flows' parts (sorted under symmetry). */
function keyOf(state: EngineState, budget: Budget, flows: number, symmetry: boolean): string {
  const parts = Array.from({ length: flows }, (_, i) => flowPart(state, i + 1, budget));
  if (symmetry) parts.sort();
  return JSON.stringify([
    state.polls,
    state.poll !== null,
    state.agent.telemetry,
    state.reReportsWithFailures,
    state.lastPoll === null,
    state.agent.clients.map((c) => c.closed.conns.length),
    parts,
  ]);
}

/**
 * Explores `config` on whole engine states.
 *
 * @example
 * referenceExplore(config, { symmetry: true }).violations //=> the same names and depths as explore()
 */
export function referenceExplore(
  config: ExploreConfig,
  options: {
    readonly symmetry?: boolean;
    readonly quiescence?: QuiescenceMode;
    readonly invariants?: readonly Invariant[];
  } = {},
): ReferenceResult {
  const symmetry = options.symmetry ?? true;
  const quiescence = options.quiescence ?? 'final';
  const invariants = options.invariants ?? ALL_INVARIANTS;
  const engine = engineConfigOf(config);
  const { bounds } = config;
  const states: EngineState[] = [newEngine(engine)];
  const budgets: Budget[] = [emptyBudget(bounds.flows)];
  const parents: number[] = [-1];
  const events: (Event | null)[] = [null];
  const depths: number[] = [0];
  const seen = new Map<string, number>([
    [keyOf(states[0] as EngineState, budgets[0] as Budget, bounds.flows, symmetry), 0],
  ]);
  const found = new Map<string, number>();
  const judgeQuiescence = (id: number) => {
    const after = closedOut(engine, states[id] as EngineState);
    for (const inv of invariants) {
      if (inv.when === 'quiescence' && !found.has(inv.name) && !inv.check(after).ok)
        found.set(inv.name, id);
    }
  };
  if (quiescence === 'everyState') judgeQuiescence(0);
  for (let id = 0; id < states.length; id++) {
    const next = successors(states[id] as EngineState, budgets[id] as Budget, bounds);
    if (next.length === 0 && quiescence === 'final') judgeQuiescence(id);
    for (const s of next) {
      const key = keyOf(s.state, s.budget, bounds.flows, symmetry);
      if (seen.has(key)) continue;
      const child = states.length;
      seen.set(key, child);
      states.push(s.state);
      budgets.push(s.budget);
      parents.push(id);
      events.push(s.event);
      depths.push((depths[id] as number) + 1);
      for (const inv of invariants) {
        if (inv.when === 'everyStep' && !found.has(inv.name) && !inv.check(s.state).ok)
          found.set(inv.name, child);
      }
      if (quiescence === 'everyState') judgeQuiescence(child);
    }
  }
  const trace = (id: number): Event[] => {
    const out: Event[] = [];
    for (let s = id; s > 0; s = parents[s] as number) out.push(events[s] as Event);
    return out.reverse();
  };
  return {
    distinctStates: states.length,
    depth: depths.reduce((a, b) => Math.max(a, b), 0),
    violations: invariants.flatMap((inv) => {
      const id = found.get(inv.name);
      return id === undefined
        ? []
        : [{ invariant: inv.name, depth: depths[id] as number, events: trace(id) }];
    }),
  };
}
