/**
 * What client churn did (`RegisterClient`, `RemoveExpiredClients`, pkg/network/state.go;
 * docs/environment.md "Client churn"), as a step of the agent on itself: a registration starts a
 * session with no baselines and an empty closed buffer; an expiry says what the client lost, its
 * baselines and the closed records buffered for it. Leaves out: the backend, which keeps its sums.
 */
import { getClient } from '../engine/agent/networkState.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import type { Message } from './Message.js';

type Churn = Extract<Event, { type: 'clientRegister' | 'clientExpire' }>;

const ids = (list: readonly number[]): string => `[${list.join(', ')}]`;

/** `lost the baselines of flows [1, 2] and the buffered closed records of flows [3]`. */
function lossText(before: EngineState, client: number): string {
  const c = getClient(before.agent, clientId(client - 1));
  const baselines = [...(c?.stats.keys() ?? [])].map(Number);
  const buffered = (c?.closed.conns ?? []).map((r) => r.cookie as number);
  const parts = [
    baselines.length === 0 ? 'no baseline' : `the baselines of flows ${ids(baselines)}`,
    buffered.length === 0
      ? 'no buffered closed record'
      : `the buffered closed records of flows ${ids(buffered)}`,
  ];
  return `lost ${parts.join(' and ')}`;
}

/**
 * The arrow of a registration or an expiry, from the agent to itself.
 *
 * @example
 * clientMessage(before, { type: 'clientExpire', client: 1 }).detail
 * //=> 'client 1 expired: lost the baselines of flows [1] and no buffered closed record; no closed record …'
 */
export function clientMessage(before: EngineState, event: Churn): Message {
  const label = formatEvent(event);
  const detail =
    event.type === 'clientRegister'
      ? `client ${event.client} registered: no baselines, an empty closed buffer; closed records are stored for it from now on`
      : `client ${event.client} expired: ${lossText(before, event.client)}; no closed record is stored for it until a poll or a registration re-creates it`;
  return { from: 'agent', to: 'agent', label, detail };
}
