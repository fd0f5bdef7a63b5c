/**
 * By quiescence each reset flow has added exactly 1 to the shipped failures, for every client
 * (datadog-semantics.md §8.3 I3): neither lost nor re-counted.
 */
import { totalsOf } from '../../engine/backend/backend.js';
import { allFlows } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from './Invariant.js';

export const FailureReportedOnce = {
  name: 'FailureReportedOnce',
  statement: 'by quiescence each reset flow has added exactly 1 to shipped failures',
  when: 'quiescence',
  check: (state) =>
    firstFailure(
      allFlows(state.driver).flatMap((flow) =>
        flow.status !== 'recvRst'
          ? []
          : state.backends.map((b, client) => {
              const { failures } = totalsOf(b, flow.id);
              return failures === 1
                ? HOLDS
                : fails(
                    `connection ${flow.id}`,
                    `reset shipped ${failures} failures${state.config.clients > 1 ? ` to client ${client + 1}` : ''}`,
                  );
            }),
      ),
    ),
} satisfies Invariant;

export default FailureReportedOnce;
