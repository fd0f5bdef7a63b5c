/**
 * A flow is returned by the closed-table read at most once, and is never in both tables
 * (docs/semantics.md#closedreadonce).
 */
import { allFlows, tableOf } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';

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
  scope: 'perFlow',
  explain: lingering,
  witness: { driver: 'move-twice', agent: 'postfix', trace: 'e1 r1 fd1*4 p' },
} satisfies Invariant;

export default ClosedReadOnce;
