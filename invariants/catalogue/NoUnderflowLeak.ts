/**
 * No shipped `Last` field is negative or larger than its monotonic value: a decrease becomes an
 * underflow (counted, maxed), never a huge or negative delta
 * (docs/semantics.md#updateconnwithstats).
 */
import { COUNTER_FIELDS, counters } from '../../engine/agent/statCounters.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';
import { breakShippedRecords } from '../Witness.js';

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
  scope: 'perFlow',
  explain: lingering,
  // A broken agent that ships a Last larger than its monotonic value.
  witness: {
    driver: 'original',
    agent: 'prefix',
    trace: 'e1 t1 p t1',
    inject: breakShippedRecords((r) => ({ ...r, last: counters({ sentBytes: 2 ** 40 }) })),
  },
} satisfies Invariant;

export default NoUnderflowLeak;
