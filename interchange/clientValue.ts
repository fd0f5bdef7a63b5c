/**
 * One agent client slot as an ITF value (docs/environment.md "Client churn"): whether it is
 * registered, the cookies it keeps a baseline for, the cookies in its closed buffer (in order),
 * and its ghost session (the flows that ended while it was registered, and what each flow's own
 * records shipped in it). Leaves out: the baselines' counters.
 */
import { getClient } from '../engine/agent/networkState.js';
import type { ClientSession, EngineState } from '../engine/EngineState.js';
import { clientId, NEW_SESSION } from '../engine/EngineState.js';
import type { ItfValue } from './itf.js';
import { bigint, itfMap, itfSet, recordType } from './itf.js';

/** What a flow's records shipped to one client: its closes and failures. */
export const TOTALS_TYPE = recordType({ closes: 'Int', failures: 'Int' });

/** The Apalache type of `clientValue` (docs/formats.md "ITF export"). */
export const CLIENT_TYPE = recordType({
  registered: 'Bool',
  baselines: 'Set(Int)',
  closedBuffer: 'Seq(Int)',
  session: recordType({ ended: 'Seq(Int)', shipped: `Int -> ${TOTALS_TYPE}` }),
});

const sessionValue = (s: ClientSession): ItfValue => ({
  ended: s.ended.map((f) => bigint(f)),
  shipped: itfMap(
    Object.entries(s.shipped).map(
      ([flow, t]) =>
        [bigint(Number(flow)), { closes: bigint(t.closes), failures: bigint(t.failures) }] as const,
    ),
  ),
});

/**
 * Client slot `i` (0-based) of `state`.
 *
 * @example
 * clientValue(newEngine(config), 0).registered //=> true
 */
export function clientValue(state: EngineState, i: number): ItfValue {
  const c = getClient(state.agent, clientId(i));
  return {
    registered: c !== undefined,
    baselines: itfSet([...(c?.stats.keys() ?? [])].sort((a, b) => a - b).map((k) => bigint(k))),
    closedBuffer: (c?.closed.conns ?? []).map((r) => bigint(r.cookie)),
    session: sessionValue(state.sessions[i] ?? NEW_SESSION),
  };
}
