/**
 * The per-flow quiescence check the two "reported once" invariants share: for every client whose
 * session saw a flow end (docs/environment.md "Client sessions"), what that flow's own records
 * shipped in the session.
 */
import { getClient } from '../engine/agent/networkState.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import type { Flow } from '../engine/driver/flow.js';
import type { EngineState } from '../engine/EngineState.js';
import { clientId } from '../engine/EngineState.js';
import type { Check } from './Invariant.js';
import { fails, firstFailure, HOLDS } from './Invariant.js';

/**
 * The first flow (among those `judged`) whose shipped totals `wrong` objects to, in a session of a
 * registered client that saw it end.
 *
 * @example
 * sessionVerdicts(state, isEnded, (f, t) => (t.closes === 1 ? null : `${t.closes} closes`)) //=> HOLDS
 */
export function sessionVerdicts(
  state: EngineState,
  judged: (flow: Flow) => boolean,
  wrong: (flow: Flow, shipped: ConnectionTotals) => string | null,
): Check {
  const many = state.config.clients > 1;
  return firstFailure(
    state.sessions.flatMap((session, client) => {
      if (getClient(state.agent, clientId(client)) === undefined) return [];
      return session.ended.map((id) => {
        const flow = state.driver.flows[id];
        if (flow === undefined || !judged(flow)) return HOLDS;
        const why = wrong(flow, session.shipped[id] ?? { closes: 0, failures: 0 });
        return why === null
          ? HOLDS
          : fails(`connection ${id}`, `${why}${many ? ` to client ${client + 1}` : ''}`);
      });
    }),
  );
}
