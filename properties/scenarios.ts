/**
 * Named "sometimes" properties (Stateright's `sometimes`, P's scenario coverage): situations that
 * must occur in the generated runs of every pair, or its `holds` verdicts mean nothing.
 */
import type { Cookie } from '../engine/agent/ConnectionStats.js';
import { getClient } from '../engine/agent/networkState.js';
import { allFlows } from '../engine/driver/tables.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { isEnded } from '../engine/driver/flow.js';

/** A situation to look for at one step. */
export interface Scenario {
  readonly name: string;
  readonly statement: string;
  /** True when the step from `before` to `after` by `event` is an instance. */
  readonly seen: (before: EngineState, event: Event, after: EngineState) => boolean;
}

export const scenarios: readonly Scenario[] = [
  {
    name: 'LastNotifyWhileCalloutHolds',
    statement: 'the last delete notification begins while a callout holds a reference',
    seen: (before, e, after) => {
      if (e.type !== 'flowDeleteNotify') return false;
      const b = before.driver.flows[e.flow];
      const a = after.driver.flows[e.flow];
      return b !== undefined && a !== undefined && b.notify === null && a.notifies === after.config.layers && (a.callouts > 0 || a.exit !== null);
    },
  },
  {
    name: 'ResetPolledOpenThenDrained',
    statement: 'a reset flow is polled in openFlows and later drained from closedFlows',
    // At the drain, the polling client already holds a baseline that counted the reset as a
    // close: an earlier poll read the flow in openFlows after its reset.
    seen: (before, e, after) => {
      if (e.type !== 'poll' || after.lastPoll === null || after.lastPoll === before.lastPoll) return false;
      const client = getClient(before.agent, clientId(after.lastPoll.client));
      return allFlows(after.driver).some(
        (f) =>
          f.status === 'recvRst' &&
          f.closedReads > (before.driver.flows[f.id]?.closedReads ?? 0) &&
          (client?.stats.get(f.id as number as Cookie)?.counters.tcpClosed ?? 0) > 0,
      );
    },
  },
  {
    name: 'MovedBetweenPollReads',
    statement: 'a flow moves to closedFlows between the poll’s openFlows and closedFlows reads',
    seen: (before, _e, after) =>
      before.poll !== null && after.poll !== null && after.driver.closedFlows.length > before.driver.closedFlows.length,
  },
  {
    name: 'TrafficAfterEnd',
    statement: 'bytes move on a flow after its end',
    seen: (before, e) => {
      if (e.type !== 'traffic') return false;
      const f = before.driver.flows[e.flow];
      return f !== undefined && isEnded(f);
    },
  },
];
