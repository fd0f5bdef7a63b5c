/**
 * No shipped `Last` field is negative or larger than its monotonic value: a decrease becomes an
 * underflow (counted, maxed), never a huge or negative delta (§8.3 I6).
 */
import { COUNTER_FIELDS } from '../../engine/agent/statCounters.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

export const NoUnderflowLeak = {
  name: 'NoUnderflowLeak',
  statement: 'no shipped Last field is negative or exceeds its monotonic value',
  when: 'everyStep',
  check: ({ lastPoll }) =>
    firstFailure(
      (lastPoll?.records ?? []).flatMap((r) =>
        COUNTER_FIELDS.map((field) =>
          r.last[field] >= 0 && r.last[field] <= r.monotonic[field]
            ? HOLDS
            : fails(
                `connection ${r.cookie}`,
                `Last.${field} ${r.last[field]} against Monotonic ${r.monotonic[field]}`,
              ),
        ),
      ),
    ),
} satisfies Invariant;

export default NoUnderflowLeak;
