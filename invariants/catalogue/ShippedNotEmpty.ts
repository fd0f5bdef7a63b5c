/**
 * Every shipped record has a non-zero `Last`: the filter of `mergeConnections` ("not reporting an
 * empty connection", pkg/network/state.go) let nothing empty through (§8.3 I10).
 */
import { isZero } from '../../engine/agent/statCounters.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

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
} satisfies Invariant;

export default ShippedNotEmpty;
