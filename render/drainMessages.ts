/**
 * The closed-flows drain (`NewTracer`'s goroutine; docs/environment.md): its read as an arrow to
 * the driver (the flows, their refCount after), each `StoreClosedConnection` as an arrow to the
 * agent (which record into which registered clients, or dropped). Leaves out: buffer order.
 */
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import { drainRead } from '../engine/agent/closedFlowsDrain.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import { formatFailures } from './formatReplay.js';
import type { Message } from './Message.js';

type Drain = Extract<Event, { type: 'drain' }>;

const ids = (list: readonly number[]): string => `[${list.join(', ')}]`;

/** `read closedFlows [1, 2]: flow 1 refCount 0, freed; flow 2 refCount 1 · holds [1, 2]`. */
function readText(before: EngineState, after: EngineState, held: readonly number[]): string {
  const read = before.driver.closedFlows;
  const counts = read.map((id) => {
    const f = after.driver.flows[id];
    return f === undefined
      ? `flow ${id}`
      : `flow ${id} refCount ${f.refCount}${f.freed ? ', freed' : ''}`;
  });
  const holds = held.length === 0 ? '' : ` · holds ${ids(held)}`;
  return `read closedFlows ${ids(read)}: ${counts.join('; ')}${holds}`;
}

/** The record's counters as the client will merge them: `TCPClosed 1, TCPFailures {104:1}, 100 B`. */
const recordCounters = (r: ConnectionStats): string =>
  `TCPClosed ${r.monotonic.tcpClosed}, TCPFailures ${formatFailures(r.tcpFailures)}, ${r.monotonic.sentBytes} B`;

/** One store: the record, and where it went, or that it was dropped. */
function storeText(before: EngineState, record: ConnectionStats): string {
  const clients = before.agent.clients.map((c) => Number(c.id)).sort((a, b) => a - b);
  const where =
    clients.length === 0
      ? 'dropped: no client registered'
      : clients.length === 1
        ? `stored into client ${clients[0]}'s closed buffer`
        : `stored into the closed buffers of clients ${clients.join(', ')}`;
  return `flow ${record.cookie}'s record (${recordCounters(record)}) ${where}`;
}

/** The stores of a whole drain, after its read: one arrow per record, in the order read. */
function storeMessages(before: EngineState, held: readonly ConnectionStats[]): Message[] {
  return held.map((r) => ({
    from: 'drain',
    to: 'agent',
    label: `store(${r.cookie})`,
    detail: storeText(before, r),
  }));
}

/**
 * The drain's arrows: the read to the driver, the stores to the agent.
 *
 * @example
 * drainMessages(before, { type: 'drain', step: 'read' }, after)[0].detail
 * //=> 'read closedFlows [1]: flow 1 refCount 0, freed · holds [1]'
 */
export function drainMessages(before: EngineState, event: Drain, after: EngineState): Message[] {
  const label = formatEvent(event);
  if (event.step === 'store') {
    const held = before.drain?.held ?? [];
    const record = held.find(
      (r) => event.flow === undefined || (r.cookie as number) === event.flow,
    );
    const rest = (after.drain?.held ?? []).map((r) => r.cookie as number);
    const left = rest.length === 0 ? 'drain done' : `holds ${ids(rest)}`;
    const detail = record === undefined ? 'nothing held' : `${storeText(before, record)} · ${left}`;
    return [{ from: 'drain', to: 'agent', label, detail }];
  }
  const held = drainRead(before).drain?.held ?? [];
  const cookies = event.step === 'read' ? held.map((r) => r.cookie as number) : [];
  const read: Message = {
    from: 'drain',
    to: 'driver',
    label,
    detail: readText(before, after, cookies),
  };
  return event.step === 'read' ? [read] : [read, ...storeMessages(before, held)];
}
