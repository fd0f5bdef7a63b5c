/**
 * A counterexample as a numbered program (STYLE rule 22, Hypothesis's program form): one event per
 * line with what it changed: the flow's table and refCount, or what the poll shipped.
 */
import { rate } from '../engine/backend/backend.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import { tableOf } from '../engine/driver/tables.js';
import { formatFailures, formatRate } from './formatReplay.js';

function effect(before: EngineState, after: EngineState, e: Event): string {
  if (e.type === 'poll') {
    if (after.lastPoll === before.lastPoll || after.lastPoll === null) return `read openFlows [${after.driver.openFlows.join(', ')}]`;
    const shipped = after.lastPoll.records.map((r) => `flow ${r.flow} TCPClosed ${r.lastTCPClosed}, failures ${formatFailures(r.tcpFailures)}`);
    const b = after.backends[after.lastPoll.client];
    return `${shipped.length === 0 ? 'shipped nothing' : `shipped ${shipped.join('; ')}`}; rate ${b ? formatRate(rate(b)) : '—'}`;
  }
  const f = after.driver.flows[e.flow];
  if (f === undefined) return '';
  const table = tableOf(after.driver, e.flow);
  const where = table === 'none' ? (f.freed ? 'freed' : 'drained') : `in ${table === 'open' ? 'openFlows' : table === 'closed' ? 'closedFlows' : 'both tables'}`;
  const status = f.status === 'established' ? '' : `, ${f.status}`;
  const seen = f.notify?.seen && e.type === 'flowDeleteNotify' ? `, CAS saw ${f.notify.seen}` : '';
  return `flow ${e.flow} ${where}, refCount ${f.refCount}${status}${seen}`;
}

/**
 * The listing of `events`, given the states they went through (`states[0]` the start).
 *
 * @example
 * programListing(states, seq('e1 ce1'))
 * //=> ' 1. establish(1)      flow 1 in openFlows, refCount 5\n 2. calloutEnter(1)   flow 1 in openFlows, refCount 6\n'
 */
export function programListing(states: readonly EngineState[], events: readonly Event[]): string {
  const width = Math.max(...events.map((e) => formatEvent(e).length), 4) + 2;
  const num = String(events.length).length;
  return events
    .map((e, i) => {
      const label = formatEvent(e);
      return `${String(i + 1).padStart(num)}. ${label}${' '.repeat(width - label.length)}${effect(states[i] as EngineState, states[i + 1] as EngineState, e)}`;
    })
    .join('\n')
    .concat('\n');
}
