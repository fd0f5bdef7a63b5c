/**
 * The reference search: the same breadth-first exploration as bfs.ts, on whole engine states, with
 * none of the explorer's claims (A1–A11 of abstraction.ts) except, when asked and when every flow
 * has a tuple of its own, flow symmetry. Each state is keyed by everything it holds (raw byte
 * counts, ghost counters, every table, buffer and record in its order, sessions, `lastPoll`),
 * every invariant is judged on every new state, and each state keeps the event that reached it.
 * Slow, and meant to be: the tests check that the fast search gives its verdicts and trace lengths.
 *
 * Leaves out: partial-order reduction, progress, shards and fingerprints; symmetry when flows share
 * a tuple (the close-out reads flow numbers, so within a tuple it is no symmetry of the verdicts).
 */
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import type { EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import type { Invariant } from '../invariants/Invariant.js';
import { invariants as ALL_INVARIANTS } from '../invariants/index.js';
import type { Budget, ExploreConfig } from './bounds.js';
import { emptyBudget, engineConfigOf, environmentOf } from './bounds.js';
import type { QuiescenceMode } from './bfs.js';
import { isChurn, successors } from './enabledEvents.js';
import { closedOut } from './closedOut.js';
import { badTuples, tupleGroups } from './tupleGroups.js';

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

// Plain JSON (Maps as their entries): the engine builds its objects with fixed key orders; a state
// written two ways would only be stored twice, which costs time, not correctness.
const mapsAsEntries = (_k: string, v: unknown): unknown =>
  v instanceof Map ? [...v.entries()] : v;
const json = (v: unknown): string => JSON.stringify(v, mapsAsEntries);

/** Where flow `n`'s records sit in `records`, with them (their cookie and tuple left out). */
const placed = (records: readonly ConnectionStats[], n: number) =>
  records.flatMap((r, i) =>
    (r.cookie as number) === n ? [[i, { ...r, cookie: 0, tuple: '' }]] : [],
  );

const at = <T>(xs: readonly T[], n: T): number[] => xs.flatMap((x, i) => (x === n ? [i] : []));

/** Everything flow `n` owns in `state`, its number and its tuple's left out, positions kept. */
function flowPart(state: EngineState, n: number, budget: Budget): string {
  const flow = state.driver.flows[n];
  const tuple = flow?.tuple ?? n;
  const lp = state.lastPoll;
  return json([
    flow === undefined ? null : { ...flow, id: 0, tuple: 0 },
    at(state.driver.openFlows, n),
    at(state.driver.closedFlows, n),
    placed(state.drain?.held ?? [], n),
    state.agent.clients.map((c) => [c.stats.get(n as never) ?? null, placed(c.closed.conns, n)]),
    placed(state.poll?.open ?? [], n),
    state.backends.map((b) => b.connections[tuple] ?? null),
    state.sessions.map((s) => [s.ended.includes(n), s.shipped[n] ?? null]),
    lp === null
      ? null
      : [
          lp.records.flatMap((r, i) =>
            r.cookie === n
              ? [
                  [
                    i,
                    {
                      ...r,
                      flow: 0,
                      cookie: 0,
                      tuple: 0,
                      parts: r.parts.map((p) => ({ ...p, flow: 0 })),
                    },
                  ],
                ]
              : [],
          ),
          at(lp.openCookies, n),
          at(lp.closedCookies, n),
          lp.suppressions.flatMap((s, i) => (s.flow === n ? [[i, s.stranded]] : [])),
          at(lp.baselines, n),
        ],
    budget.entered[n],
    budget.traffic[n],
  ]);
}

/** The shared part of `state`: what no flow owns. */
const sharedPart = (state: EngineState): unknown => [
  state.polls,
  state.poll === null ? null : state.poll.client,
  state.drain === null,
  state.agent.telemetry,
  state.reReportsWithFailures,
  state.agent.clients.map((c) => [c.id, c.closed.emptyStart]),
  state.backends.map((b) => [b.closes, b.failures]),
  state.lastPoll === null ? null : [state.lastPoll.index, state.lastPoll.client],
];

/** The whole state, every order kept (no symmetry). */
const wholeKey = (state: EngineState, budget: Budget): string =>
  json([
    state.driver,
    state.agent.clients,
    state.agent.telemetry,
    state.backends,
    state.poll,
    state.drain,
    state.sessions,
    state.polls,
    state.lastPoll,
    state.reReportsWithFailures,
    budget,
  ]);

/** The reference key: with symmetry the shared part and the flows' parts sorted. */
function keyOf(state: EngineState, budget: Budget, flows: number, symmetry: boolean): string {
  if (!symmetry) return wholeKey(state, budget);
  const parts = Array.from({ length: flows }, (_, i) => flowPart(state, i + 1, budget)).sort();
  return json([sharedPart(state), parts]);
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
  const refused = badTuples(config);
  if (refused !== null) throw new Error(`reference: ${refused}`);
  const env = environmentOf(config);
  const symmetry = (options.symmetry ?? true) && tupleGroups(config).every((g) => g.length === 1);
  const quiescence = options.quiescence ?? 'final';
  const invariants = options.invariants ?? ALL_INVARIANTS;
  const engine = engineConfigOf(config);
  const { bounds } = config;
  const states: EngineState[] = [newEngine(engine)];
  const budgets: Budget[] = [emptyBudget(bounds.flows)];
  const parents: number[] = [-1];
  const events: (Event | null)[] = [null];
  const depths: number[] = [0];
  const seen = new Set<string>([
    keyOf(states[0] as EngineState, budgets[0] as Budget, bounds.flows, symmetry),
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
    const next = successors(states[id] as EngineState, budgets[id] as Budget, bounds, env);
    // Final: nothing but client churn can happen.
    if (quiescence === 'final' && next.every((s) => isChurn(s.event))) judgeQuiescence(id);
    for (const s of next) {
      const key = keyOf(s.state, s.budget, bounds.flows, symmetry);
      if (seen.has(key)) continue;
      const child = states.length;
      seen.add(key);
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
