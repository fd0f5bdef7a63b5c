/**
 * By quiescence each ended flow has added exactly 1 to the shipped closes of every client session
 * that was registered when it ended (docs/semantics.md#closereportedonce: a client registered after
 * the close, or one that expired with the record buffered, is exempt by upstream design;
 * docs/environment.md "Client sessions"). A lingering graceful close never ships; a re-counted one
 * ships 2. A flow's closes are its own records' `Last.TCPClosed`, also inside a record merged by
 * tuple.
 */
import { isEnded } from '../../engine/driver/flow.js';
import { sessionVerdicts } from '../sessionVerdicts.js';
import type { Invariant } from '../Invariant.js';
import { firstOf } from '../explain/Run.js';
import { closeTwice } from '../explain/closeTwice.js';
import { lingering } from '../explain/lingering.js';

export const CloseReportedOnce = {
  name: 'CloseReportedOnce',
  statement: 'by quiescence each ended flow has added exactly 1 to shipped closes',
  when: 'quiescence',
  check: (state) =>
    sessionVerdicts(state, isEnded, (flow, shipped) =>
      shipped.closes === 1
        ? null
        : `${flow.status === 'fin' ? 'graceful close' : 'reset'} shipped ${shipped.closes} closes`,
    ),
  scope: 'perFlow',
  explain: firstOf(closeTwice, lingering),
  witness: { driver: 'original', agent: 'postfix', trace: 'e1 ce1 f1 fd1*4 cx1 p' },
} satisfies Invariant;

export default CloseReportedOnce;
