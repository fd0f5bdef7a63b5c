/**
 * The step-level events that can happen next in an engine state within the explorer's bounds.
 * Each actor (every flow, the agent's poll) offers its candidates, and a candidate is enabled only
 * when the engine's own `step()` accepts it, so "enabled" means what the engine says: a step the
 * flow lock blocks is not enabled (its operation spins while the lock holder moves).
 *
 * Leaves out: traffic on a flow no table holds (the engine ignores it, so the state would not
 * change) and whole operations without `step` (the explorer works at step level, as the
 * generators of properties/materialize.ts do).
 */
import { firstStep } from '../engine/driver/DriverVariant.js';
import { isEnded } from '../engine/driver/flow.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event, FlowId } from '../engine/events.js';
import { step } from '../engine/step.js';
import type { Budget, ExploreBounds } from './bounds.js';
import { TRAFFIC_BYTES } from './bounds.js';

/**
 * What flow `id` may try next: its establish, or one traffic event, a callout entry, the next
 * step of its callout release or delete notification, and its end (reset or fin).
 *
 * @example
 * flowCandidates(newEngine(config), flowId(1), emptyBudget(1), bounds) //=> [establish(1)]
 */
export function flowCandidates(
  state: EngineState,
  id: FlowId,
  budget: Budget,
  bounds: ExploreBounds,
): Event[] {
  const flow = state.driver.flows[id];
  if (flow === undefined) return [{ type: 'establish', flow: id }];
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

/** The poll's next step: `readClosed` while one is part-way through, else `readOpen` below `P`. */
export function pollCandidates(state: EngineState, bounds: ExploreBounds): Event[] {
  if (state.poll !== null) return [{ type: 'poll', step: 'readClosed' }];
  return state.polls < bounds.polls ? [{ type: 'poll', step: 'readOpen' }] : [];
}

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
 * Every enabled event of `state` with its successor: flows in number order, then the poll.
 *
 * @example
 * successors(newEngine(config), emptyBudget(2), bounds).map((s) => formatEvent(s.event))
 * //=> ['establish(1)', 'establish(2)', 'poll.readOpen']
 */
export function successors(state: EngineState, budget: Budget, bounds: ExploreBounds): Successor[] {
  const candidates: Event[] = [];
  for (let n = 1; n <= bounds.flows; n++) {
    candidates.push(...flowCandidates(state, n as FlowId, budget, bounds));
  }
  candidates.push(...pollCandidates(state, bounds));
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
 * enabledEvents(newEngine(config), emptyBudget(1), bounds) //=> [establish(1), poll.readOpen]
 */
export const enabledEvents = (state: EngineState, budget: Budget, bounds: ExploreBounds): Event[] =>
  successors(state, budget, bounds).map((s) => s.event);
