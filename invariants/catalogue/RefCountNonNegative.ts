/**
 * No flow's reference count ever goes below zero (a release without a matching reference).
 */
import { allFlows } from '../../engine/driver/tables.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';

export const RefCountNonNegative = {
  name: 'RefCountNonNegative',
  statement: 'no refCount ever goes below zero',
  when: 'everyStep',
  check: ({ driver }) =>
    firstFailure(
      allFlows(driver).map((flow) =>
        flow.lowestRefCount >= 0
          ? HOLDS
          : fails(`flow ${flow.id}`, `refCount reached ${flow.lowestRefCount}`),
      ),
    ),
  scope: 'perFlow',
  explain: lingering,
  witness: { driver: 'double-release', agent: 'postfix', trace: 'e1 ce1 cx1 r1 fd1*4 p' },
} satisfies Invariant;

export default RefCountNonNegative;
