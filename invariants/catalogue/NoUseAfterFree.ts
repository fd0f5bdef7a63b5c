/**
 * Nothing touches a flow after its reference count reached zero and it was freed.
 */
import { allFlows } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';

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
  scope: 'perFlow',
  explain: lingering,
  witness: {
    driver: 'flow-lock-unlocked-drain',
    agent: 'postfix',
    trace: 'e1 r1 fd1*3 fd1.acquire fd1.update p fd1.release',
    fixed: {
      driver: 'flow-lock',
      agent: 'postfix',
      trace: 'e1 r1 fd1*3 fd1.acquire fd1.update fd1.release p',
    },
  },
} satisfies Invariant;

export default NoUseAfterFree;
