/**
 * A flow is returned by the closed-table read at most once, and is never in both tables
 * (datadog-semantics.md §8.3 I4).
 */
import { allFlows, tableOf } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

export const ClosedReadOnce = {
  name: 'ClosedReadOnce',
  statement:
    'a flow is returned by the closed-table read at most once, and is never in both tables',
  when: 'everyStep',
  check: ({ driver }) =>
    firstFailure(
      allFlows(driver).map((flow) => {
        // Read once: the drain removes it.
        if (flow.closedReads > 1)
          return fails(`flow ${flow.id}`, `returned by ${flow.closedReads} closed-table reads`);
        // One table at a time, and in closedFlows once.
        if (tableOf(driver, flow.id) === 'both')
          return fails(`flow ${flow.id}`, 'in openFlows and closedFlows at once');
        const copies = driver.closedFlows.filter((f) => f === flow.id).length;
        return copies > 1 ? fails(`flow ${flow.id}`, `in closedFlows ${copies} times`) : HOLDS;
      }),
    ),
} satisfies Invariant;

export default ClosedReadOnce;
