/**
 * The step-level events that can happen next in an engine state within the explorer's bounds and
 * environment (docs/environment.md). Each actor (every flow, the closed-flows-ready goroutine, the
 * agent's poll, the client's registration) offers its candidates, and a candidate is enabled only
 * when the engine's own `step()` accepts it, so "enabled" means what the engine says: a step the
 * flow lock blocks is not enabled (its operation spins while the lock holder moves).
 *
 * Leaves out: traffic on a flow no table holds (the engine ignores it, so the state would not
 * change), whole operations without `step` (the explorer works at step level, as the generators
 * of generators/materialize.ts do), and clients other than client 1.
 */
import { firstStep } from '../engine/driver/DriverVariant.js';
import { isEnded } from '../engine/driver/flow.js';
import type { Environment } from '../engine/environment.js';
import { DEFAULT_ENVIRONMENT, environmentFeatures } from '../engine/environment.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event, FlowId } from '../engine/events.js';
import { step } from '../engine/step.js';
import type { Budget, ExploreBounds } from './bounds.js';
import { TRAFFIC_BYTES } from './bounds.js';
import { tableOrders } from './tableOrders.js';
import { tupleOfFlow } from './tupleGroups.js';

/**
 * What flow `id` may try next: its establish (with its tuple), or one traffic event, a callout
 * entry, the next step of its callout release or delete notification, and its end (reset or fin).
 *
 * @example
 * flowCandidates(newEngine(config), flowId(1), emptyBudget(1), bounds) //=> [establish(1)]
 */
export function flowCandidates(
  state: EngineState,
  id: FlowId,
  budget: Budget,
  bounds: ExploreBounds,
  env: Environment = DEFAULT_ENVIRONMENT,
): Event[] {
  const flow = state.driver.flows[id];
  if (flow === undefined) {
    const tuple = tupleOfFlow(bounds, id, env);
    return [{ type: 'establish', flow: id, ...(tuple === id ? {} : { tuple }) }];
  }
  const { driver } = state.config;
  const out: Event[] = [];
  const tracked = state.driver.openFlows.includes(id) || state.driver.closedFlows.includes(id);
  if (tracked && (budget.traffic[id] ?? 0) < bounds.traffic) {
    out.push({ type: 'traffic', flow: id, bytes: TRAFFIC_BYTES });
  }
  if ((budget.entered[id] ?? 0) < bounds.callouts) out.push({ type: 'calloutEnter', flow: id });
  if (flow.exit !== null) out.push({ type: 'calloutExit', flow: id, step: flow.exit.step });
  else if (flow.callouts > 0) {
    out.push({ type: 'calloutExit', flow: id, step: firstStep(driver.calloutExit) });
  }
  if (!isEnded(flow)) out.push({ type: 'reset', flow: id }, { type: 'fin', flow: id });
  if (flow.notify !== null) {
    out.push({ type: 'flowDeleteNotify', flow: id, step: flow.notify.step });
  } else if (isEnded(flow) && flow.notifies < bounds.layers) {
    out.push({ type: 'flowDeleteNotify', flow: id, step: firstStep(driver.flowDeleteNotify) });
  }
  return out;
}

const tupleIn = (state: EngineState) => (f: FlowId) => state.driver.flows[f]?.tuple ?? f;

/**
 * The poll's next step: `readClosed` while one is part-way through, else `readOpen` below `P`;
 * in production, once per order of its table that changes the relative order of one tuple's flows.
 */
function pollCandidates(
  state: EngineState,
  bounds: ExploreBounds,
  env: Environment = DEFAULT_ENVIRONMENT,
): Event[] {
  const ordered = (stepName: 'readOpen' | 'readClosed', table: readonly FlowId[]): Event[] =>
    (environmentFeatures(env).anyOrder ? tableOrders(table, tupleIn(state)) : [undefined]).map(
      (order) => ({ type: 'poll', step: stepName, ...(order === undefined ? {} : { order }) }),
    );
  if (state.poll !== null) return ordered('readClosed', state.driver.closedFlows);
  return state.polls < bounds.polls ? ordered('readOpen', state.driver.openFlows) : [];
}

/** In production: the drain's read when none is in flight, else a store of each record it holds. */
function drainCandidates(state: EngineState, env: Environment = DEFAULT_ENVIRONMENT): Event[] {
  if (!environmentFeatures(env).asyncDrain) return [];
  if (state.drain === null) return [{ type: 'drain', step: 'read' }];
  const flows = [...new Set(state.drain.held.map((r) => r.cookie as number))];
  return flows.map((f) => ({ type: 'drain', step: 'store', flow: f as FlowId }));
}

/** In production: client 1 expires, or registers again (the engine refuses the one that does not apply). */
const churnCandidates = (env: Environment = DEFAULT_ENVIRONMENT): Event[] =>
  environmentFeatures(env).clientChurn
    ? [
        { type: 'clientExpire', client: 1 },
        { type: 'clientRegister', client: 1 },
      ]
    : [];

/** True for client churn: a state where nothing else can happen is final all the same. */
export const isChurn = (e: Event): boolean =>
  e.type === 'clientExpire' || e.type === 'clientRegister';

/** The budget after `event`: a callout entry or a traffic event uses one of the flow's. */
export function spend(budget: Budget, event: Event): Budget {
  if (event.type === 'calloutEnter') {
    return { ...budget, entered: budget.entered.map((n, i) => (i === event.flow ? n + 1 : n)) };
  }
  if (event.type === 'traffic') {
    return { ...budget, traffic: budget.traffic.map((n, i) => (i === event.flow ? n + 1 : n)) };
  }
  return budget;
}

/** One enabled event and where it leads. */
export interface Successor {
  readonly event: Event;
  readonly state: EngineState;
  readonly budget: Budget;
}

/**
 * Every enabled event of `state` with its successor: flows in number order, then the drain, the
 * poll and client churn.
 *
 * @example
 * successors(newEngine(config), emptyBudget(2), bounds, 'isolated').map((s) => formatEvent(s.event))
 * //=> ['establish(1)', 'establish(2)', 'poll.readOpen']
 */
export function successors(
  state: EngineState,
  budget: Budget,
  bounds: ExploreBounds,
  env: Environment = DEFAULT_ENVIRONMENT,
): Successor[] {
  const candidates: Event[] = [];
  for (let n = 1; n <= bounds.flows; n++) {
    candidates.push(...flowCandidates(state, n as FlowId, budget, bounds, env));
  }
  candidates.push(...drainCandidates(state, env), ...pollCandidates(state, bounds, env));
  candidates.push(...churnCandidates(env));
  const out: Successor[] = [];
  for (const event of candidates) {
    const r = step(state, event);
    if (r.ok) out.push({ event, state: r.value, budget: spend(budget, event) });
  }
  return out;
}

/**
 * The enabled step-level events of `state` (what {@link successors} steps through).
 *
 * @example
 * enabledEvents(newEngine(config), emptyBudget(1), bounds, 'isolated') //=> [establish(1), poll.readOpen]
 */
export const enabledEvents = (
  state: EngineState,
  budget: Budget,
  bounds: ExploreBounds,
  env: Environment = DEFAULT_ENVIRONMENT,
): Event[] => successors(state, budget, bounds, env).map((s) => s.event);
