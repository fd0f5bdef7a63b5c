/**
 * A poll (`GetActiveConnections`, pkg/network/tracer/tracer_windows.go) as arrows: to the driver,
 * the tables read in the driver's order and what a drain held out of sight; to the backend, what
 * shipped, the rate, the telemetry, the client (re-created or named). Leaves out: baselines.
 */
import { getClient } from '../engine/agent/networkState.js';
import { pollClient } from '../engine/agent/poll.js';
import { rate } from '../engine/backend/backend.js';
import { formatRate } from '../engine/backend/formatRate.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import type { Message } from './Message.js';
import { recordText } from './recordText.js';

type Poll = Extract<Event, { type: 'poll' }>;

const ids = (list: readonly number[]): string => `[${list.join(', ')}]`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The 0-based client of the poll this event runs a step of. */
const clientOf = (before: EngineState, event: Poll): number =>
  before.poll?.client ?? pollClient(before, event.client);

/** `read openFlows [1]`, `read openFlows in the order [2, 1]`. */
const readText = (verb: string, table: string, flows: readonly number[], ordered: boolean) =>
  `${verb} ${table} ${ordered ? 'in the order ' : ''}${ids(flows)}`;

/** What the poll's reads returned, and the records a drain held out of their sight. */
function readsText(before: EngineState, event: Poll): string {
  const ordered = event.order !== undefined;
  const open = readText('read', 'openFlows', event.order ?? before.driver.openFlows, ordered);
  const closed = readText(
    'drained',
    'closedFlows',
    event.order ?? before.driver.closedFlows,
    ordered,
  );
  if (event.step === 'readOpen') return open;
  const held = before.drain?.held.map((r) => r.cookie) ?? [];
  const hidden =
    held.length === 0 ? '' : `, flows ${ids(held)} held by the drain: in no table and no buffer`;
  const reads = event.step === 'readClosed' || before.poll !== null ? closed : `${open}, ${closed}`;
  return reads + hidden;
}

/** `client 2: `, or `client 1 re-created …: ` when the poll's `getClient` made it anew. */
function clientText(before: EngineState, after: EngineState, event: Poll, client: number): string {
  if (getClient(before.agent, clientId(client)) === undefined)
    return `client ${client + 1} re-created (it had expired), no baselines: `;
  return after.config.clients > 1 || event.client !== undefined ? `client ${client + 1}: ` : '';
}

/** What the poll's completion shipped, and the client backend's sums. */
function shipText(before: EngineState, after: EngineState, event: Poll): string {
  const poll = after.lastPoll;
  if (poll === null) return 'nothing shipped';
  const backend = after.backends[poll.client];
  const suppressed = poll.suppressions.map((s) => s.flow);
  const records = poll.records.map((r) => recordText(r, suppressed));
  const shipped = records.length === 0 ? 'nothing shipped' : `shipped ${records.join(' and ')}`;
  const sums =
    backend === undefined
      ? ''
      : `rate ${formatRate(rate(backend))} (${plural(backend.failures, 'failure')} / ${plural(backend.closes, 'close')})`;
  const counted =
    after.agent.telemetry.windows_lingering_flows - before.agent.telemetry.windows_lingering_flows;
  const telemetry =
    counted > 0 ? `windows_lingering_flows ${after.agent.telemetry.windows_lingering_flows}` : '';
  const client = clientText(before, after, event, poll.client);
  return client + [shipped, sums, telemetry].filter((s) => s !== '').join(' · ');
}

/**
 * The poll's arrows: to the driver, then (once the poll completes) to the backend.
 *
 * @example
 * pollMessages(before, { type: 'poll', step: 'readOpen', order: [2, 1] }, after)[0].detail
 * //=> 'read openFlows in the order [2, 1]'
 */
export function pollMessages(before: EngineState, event: Poll, after: EngineState): Message[] {
  const label = formatEvent(event);
  const named =
    event.step === 'readOpen' && after.config.clients > 1 && event.client === undefined
      ? `client ${clientOf(before, event) + 1}: `
      : '';
  const detail = named + readsText(before, event);
  const toDriver: Message = { from: 'agent', to: 'driver', label, detail };
  if (event.step === 'readOpen') return [toDriver];
  return [
    toDriver,
    { from: 'agent', to: 'backend', label: 'ship', detail: shipText(before, after, event) },
  ];
}
