/**
 * By quiescence each ended flow has added exactly 1 to the shipped closes, for every client
 * (datadog-semantics.md §8.3 I2). A lingering graceful close never ships; a re-counted one ships 2.
 */
import { totalsOf } from '../../engine/backend/backend.js';
import { isEnded } from '../../engine/driver/flow.js';
import { allFlows } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from './Invariant.js';

export const CloseReportedOnce = {
  name: 'CloseReportedOnce',
  statement: 'by quiescence each ended flow has added exactly 1 to shipped closes',
  when: 'quiescence',
  check: (state) =>
    firstFailure(
      allFlows(state.driver).flatMap((flow) =>
        !isEnded(flow)
          ? []
          : state.backends.map((b, client) => {
              const { closes } = totalsOf(b, flow.id);
              return closes === 1
                ? HOLDS
                : fails(
                    `connection ${flow.id}`,
                    `${flow.status === 'fin' ? 'graceful close' : 'reset'} shipped ${closes} closes${state.config.clients > 1 ? ` to client ${client + 1}` : ''}`,
                  );
            }),
      ),
    ),
} satisfies Invariant;

export default CloseReportedOnce;
