/**
 * The engine's transition: one event (or one named step of an operation) applied to the whole
 * system. Pure: the old state is untouched, and a malformed event comes back as a `StepError`.
 */
import { drainRead, drainStore } from './agent/closedFlowsDrain.js';
import { getClient, registerClient, removeClient } from './agent/networkState.js';
import { pollClient, readClosed, readOpen, POLL_STEPS } from './agent/poll.js';
import { applyFlowEvent } from './driver/applyFlowEvent.js';
import type { EngineState } from './EngineState.js';
import { clientId, NEW_SESSION } from './EngineState.js';
import { StepError } from './errors/StepError.js';
import type { Event, FlowId } from './events.js';
import { DRAIN_STEPS, formatEvent } from './events.js';
import type { Result } from './result.js';
import { err, ok } from './result.js';

type Step = Result<EngineState, StepError>;

/** Why the closed-table read cannot run now, or null. */
function closedReadWaitsFor(state: EngineState): string | null {
  const waits = state.config.driver.closedReadWaits;
  if (waits === undefined) return null;
  for (const id of state.driver.closedFlows) {
    const flow = state.driver.flows[id];
    if (flow !== undefined && waits(flow))
      return `the closed-table read waits for flow ${id} (its lock is held)`;
  }
  return null;
}

/** Why `order` is not an order of `table`, or null (absent: the table's own order). */
function badOrder(
  order: readonly FlowId[] | undefined,
  table: readonly FlowId[],
  name: string,
): string | null {
  if (order === undefined) return null;
  const same =
    order.length === table.length &&
    [...order].sort((a, b) => a - b).join() === [...table].sort((a, b) => a - b).join();
  return same
    ? null
    : `order [${order.join(', ')}] is not an order of ${name} [${table.join(', ')}]`;
}

/** Why client `c` (1-based) does not exist, or null. */
const badClient = (state: EngineState, c: number | undefined): string | null =>
  c === undefined || (Number.isInteger(c) && c >= 1 && c <= state.config.clients)
    ? null
    : `client ${c} does not exist (clients 1 to ${state.config.clients})`;

function pollStep(state: EngineState, e: Extract<Event, { type: 'poll' }>, label: string): Step {
  const fail = (why: string) => err(new StepError(label, why));
  const why = badClient(state, e.client);
  if (why !== null) return fail(why);
  if (e.step === undefined) {
    if (state.poll !== null)
      return fail('a poll is part-way through (next step: readClosed); name its steps');
    if (e.order !== undefined)
      return fail('order needs a step (readOpen or readClosed): it orders one table read');
    const waits = closedReadWaitsFor(state);
    if (waits !== null) return fail(waits);
    return ok(readClosed(readOpen(state, pollClient(state, e.client))));
  }
  if (!(POLL_STEPS as readonly string[]).includes(e.step)) {
    return fail(`poll has no step ${e.step} (steps: ${POLL_STEPS.join(', ')})`);
  }
  const next = state.poll === null ? 'readOpen' : 'readClosed';
  if (e.step !== next) return fail(`the next step of poll is ${next}, got ${e.step}`);
  if (e.step === 'readOpen') {
    const bad = badOrder(e.order, state.driver.openFlows, 'openFlows');
    return bad !== null ? fail(bad) : ok(readOpen(state, pollClient(state, e.client), e.order));
  }
  const inFlight = (state.poll?.client ?? 0) + 1;
  if (e.client !== undefined && e.client !== inFlight)
    return fail(`the poll part-way through is client ${inFlight}'s, got client ${e.client}`);
  const bad =
    badOrder(e.order, state.driver.closedFlows, 'closedFlows') ?? closedReadWaitsFor(state);
  return bad !== null ? fail(bad) : ok(readClosed(state, e.order));
}

function drainStep(state: EngineState, e: Extract<Event, { type: 'drain' }>, label: string): Step {
  const fail = (why: string) => err(new StepError(label, why));
  const held: readonly number[] = state.drain?.held.map((r) => r.cookie) ?? [];
  const canRead = (): string | null =>
    state.drain !== null
      ? `the drain holds records not yet stored (flows ${held.join(', ')}; next step: store)`
      : state.driver.closedFlows.length === 0
        ? 'closedFlows is empty: the closed-flows-ready event has not fired'
        : closedReadWaitsFor(state);
  if (e.step === undefined) {
    if (e.flow !== undefined)
      return fail('a whole drain stores every record it reads; name the store step to store one');
    const why = canRead();
    if (why !== null) return fail(why);
    let s = drainRead(state);
    while (s.drain !== null) s = drainStore(s);
    return ok(s);
  }
  if (e.step === 'read') {
    if (e.flow !== undefined)
      return fail('drain.read reads the whole closed table and takes no flow');
    const why = canRead();
    return why !== null ? fail(why) : ok(drainRead(state));
  }
  if (e.step === 'store') {
    if (state.drain === null) return fail('no drain holds records (next step: read)');
    if (e.flow !== undefined && !held.includes(e.flow))
      return fail(
        `the drain holds no record of flow ${e.flow} (it holds flows ${held.join(', ')})`,
      );
    return ok(drainStore(state, e.flow));
  }
  return fail(`drain has no step ${e.step} (steps: ${DRAIN_STEPS.join(', ')})`);
}

function clientStep(
  state: EngineState,
  e: Extract<Event, { type: 'clientRegister' | 'clientExpire' }>,
  label: string,
): Step {
  const fail = (why: string) => err(new StepError(label, why));
  const why = badClient(state, e.client);
  if (why !== null) return fail(why);
  const id = clientId(e.client - 1);
  const registered = getClient(state.agent, id) !== undefined;
  if (e.type === 'clientRegister') {
    if (registered) return fail(`client ${e.client} is already registered`);
    const sessions = state.sessions.map((s, i) => (i === e.client - 1 ? NEW_SESSION : s));
    return ok({ ...state, agent: registerClient(state.agent, id), sessions });
  }
  if (!registered) return fail(`client ${e.client} is not registered`);
  return ok({ ...state, agent: removeClient(state.agent, id) });
}

/** The sessions after flow `flow` ended: every registered client's session saw the end. */
function sessionsSeeEnd(state: EngineState, flow: number): EngineState['sessions'] {
  return state.sessions.map((s, i) =>
    getClient(state.agent, clientId(i)) === undefined ? s : { ...s, ended: [...s.ended, flow] },
  );
}

/**
 * Applies one event.
 *
 * @example
 * step(newEngine(config), { type: 'establish', flow: flowId(1) }) //=> ok: flow 1 in openFlows
 * step(newEngine(config), { type: 'calloutExit', flow: flowId(1) }) //=> error: flow 1 was never established
 */
export function step(state: EngineState, event: Event): Step {
  const label = formatEvent(event);
  switch (event.type) {
    case 'poll':
      return pollStep(state, event, label);
    case 'drain':
      return drainStep(state, event, label);
    case 'clientRegister':
    case 'clientExpire':
      return clientStep(state, event, label);
    default: {
      const r = applyFlowEvent(state.driver, state.config.driver, event);
      if (!r.ok) return err(new StepError(label, r.error));
      const ended = event.type === 'reset' || event.type === 'fin';
      return ok({
        ...state,
        driver: r.value,
        ...(ended ? { sessions: sessionsSeeEnd(state, event.flow) } : {}),
      });
    }
  }
}
