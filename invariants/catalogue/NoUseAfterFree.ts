/**
 * Nothing touches a flow after its reference count reached zero and it was freed.
 */
import { allFlows } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

export const NoUseAfterFree = {
  name: 'NoUseAfterFree',
  statement: 'no access to a freed flow',
  when: 'everyStep',
  check: ({ driver }) =>
    firstFailure(
      allFlows(driver).map((flow) =>
        flow.accessesAfterFree === 0
          ? HOLDS
          : fails(`flow ${flow.id}`, `${flow.accessesAfterFree} access(es) after it was freed`),
      ),
    ),
} satisfies Invariant;

export default NoUseAfterFree;
