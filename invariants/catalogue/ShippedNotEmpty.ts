/**
 * Every shipped record has a non-zero `Last`: the filter of `mergeConnections` ("not reporting an
 * empty connection", pkg/network/state.go) let nothing empty through
 * (docs/semantics.md#the-shipping-filter).
 */
import { counters, isZero } from '../../engine/agent/statCounters.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';
import { breakShippedRecords } from '../Witness.js';

export const ShippedNotEmpty = {
  name: 'ShippedNotEmpty',
  statement: 'every shipped record has a non-zero Last',
  when: 'everyStep',
  check: ({ lastPoll }) =>
    firstFailure(
      (lastPoll?.records ?? []).map((r) =>
        isZero(r.last)
          ? fails(
              `connection ${r.cookie}`,
              `shipped with an all-zero Last in poll ${lastPoll?.index}`,
            )
          : HOLDS,
      ),
    ),
  scope: 'perFlow',
  explain: lingering,
  // A broken agent that ships a record with an all-zero Last.
  witness: {
    driver: 'original',
    agent: 'prefix',
    trace: 'e1 t1 p t1',
    inject: breakShippedRecords((r) => ({ ...r, last: counters() })),
  },
} satisfies Invariant;

export default ShippedNotEmpty;
