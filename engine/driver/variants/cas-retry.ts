/**
 * A first attempt at a driver fix: the notify retries the compare-exchange a bounded number of
 * times before giving up. It narrows the window but a callout that outlasts the retries still
 * strands the flow.
 */
import { done, goto, type DriverVariant } from '../DriverVariant.js';
import { interlockedCompareExchange, interlockedDecrement } from '../refCount.js';
import { moveToClosedTable } from '../tables.js';
import type { StepInput } from '../DriverVariant.js';

/** Compare-exchange attempts after the first one. */
export const CAS_RETRIES = 2;

const check = ({ driver, id }: StepInput, attempt: number) => {
  const { driver: after, value } = interlockedCompareExchange(driver, id, 2, 2);
  if (value === 2) return goto(after, 'move', { seen: value, attempt });
  return goto(after, attempt < CAS_RETRIES ? 'retry' : 'decrement', { seen: value, attempt });
};

export const casRetry = {
  name: 'cas-retry',
  summary: `notify: CAS(refCount, 2, 2) retried up to ${CAS_RETRIES} more times, move on 2, then decrement; release: plain decrement`,
  flowDeleteNotify: {
    cas: (input) => check(input, 0),
    retry: (input) => check(input, input.locals.attempt + 1),
    move: ({ driver, id }) => goto(moveToClosedTable(driver, id), 'decrement'),
    decrement: ({ driver, id }) => done(interlockedDecrement(driver, id).driver),
  },
  calloutExit: {
    decrement: ({ driver, id }) => done(interlockedDecrement(driver, id).driver),
  },
} satisfies DriverVariant;

export default casRetry;
