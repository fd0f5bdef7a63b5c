/**
 * Named "sometimes" properties (Stateright's `sometimes`, P's scenario coverage): situations that
 * must occur in the generated runs of every pair, or its `holds` verdicts mean nothing. The
 * production environment adds the situations its behaviours exist for (docs/environment.md).
 */
import type { Cookie } from '../engine/agent/ConnectionStats.js';
import { getClient } from '../engine/agent/networkState.js';
import { allFlows } from '../engine/driver/tables.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId } from '../engine/EngineState.js';
import type { Environment } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import { isEnded } from '../engine/driver/flow.js';
import { hasFailures } from '../engine/agent/tcpFailures.js';

/** A situation to look for at one step. */
export interface Scenario {
  readonly name: string;
  readonly statement: string;
  /** True when the step from `before` to `after` by `event` is an instance. */
  readonly seen: (before: EngineState, event: Event, after: EngineState) => boolean;
}

/** The scenarios every environment's runs must reach. */
const scenarios: readonly Scenario[] = [
  {
    name: 'LastNotifyWhileCalloutHolds',
    statement: 'the last delete notification begins while a callout holds a reference',
    seen: (before, e, after) => {
      if (e.type !== 'flowDeleteNotify') return false;
      const b = before.driver.flows[e.flow];
      const a = after.driver.flows[e.flow];
      return (
        b !== undefined &&
        a !== undefined &&
        b.notify === null &&
        a.notifies === after.config.layers &&
        (a.callouts > 0 || a.exit !== null)
      );
    },
  },
  {
    name: 'ResetPolledOpenThenDrained',
    statement: 'a reset flow is polled in openFlows and later drained from closedFlows',
    // At the drain, the polling client already holds a baseline read with the reset's failure:
    // an earlier poll read the flow in openFlows after its reset.
    seen: (before, e, after) => {
      if (e.type !== 'poll' || after.lastPoll === null || after.lastPoll === before.lastPoll)
        return false;
      const client = getClient(before.agent, clientId(after.lastPoll.client));
      return allFlows(after.driver).some((f) => {
        const baseline = client?.stats.get(f.id as number as Cookie);
        return (
          f.status === 'recvRst' &&
          f.closedReads > (before.driver.flows[f.id]?.closedReads ?? 0) &&
          baseline !== undefined &&
          hasFailures(baseline.failures)
        );
      });
    },
  },
  {
    name: 'MovedBetweenPollReads',
    statement: 'a flow moves to closedFlows between the poll’s openFlows and closedFlows reads',
    seen: (before, _e, after) =>
      before.poll !== null &&
      after.poll !== null &&
      after.driver.closedFlows.length > before.driver.closedFlows.length,
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

/** The scenarios only the production environment can reach. */
const productionScenarios: readonly Scenario[] = [
  {
    name: 'TupleMergedInOnePoll',
    statement: 'a poll ships one record merged from two flows of one tuple',
    seen: (before, e, after) =>
      e.type === 'poll' &&
      after.lastPoll !== before.lastPoll &&
      (after.lastPoll?.records ?? []).some((r) => r.parts.length > 1),
  },
  {
    name: 'LingeringTupleReused',
    statement: 'a new flow takes the tuple of an ended flow still in openFlows',
    seen: (before, e) =>
      e.type === 'establish' &&
      e.tuple !== undefined &&
      allFlows(before.driver).some(
        (f) => f.tuple === e.tuple && isEnded(f) && before.driver.openFlows.includes(f.id),
      ),
  },
  {
    name: 'PollBetweenDrainReadAndStore',
    statement: 'a poll completes while the asynchronous drain holds records it has not stored',
    seen: (before, e, after) =>
      e.type === 'poll' &&
      after.polls > before.polls &&
      before.drain !== null &&
      after.drain !== null,
  },
  {
    name: 'ClientExpiresHoldingState',
    statement: 'a client expires with baselines or closed records it has not yet polled',
    seen: (before, e) => {
      if (e.type !== 'clientExpire') return false;
      const client = getClient(before.agent, clientId(e.client - 1));
      return client !== undefined && (client.stats.size > 0 || client.closed.conns.length > 0);
    },
  },
];

/**
 * The scenarios of an environment.
 *
 * @example
 * scenariosOf('isolated').length //=> 4
 */
export const scenariosOf = (environment: Environment): readonly Scenario[] =>
  environment === 'production' ? [...scenarios, ...productionScenarios] : scenarios;
