/**
 * By quiescence each ended flow has added exactly 1 to the shipped closes of every client session
 * that was registered when it ended (datadog-semantics I2: a client registered after the close,
 * or one that expired with the record buffered, is exempt by upstream design; docs/environment.md
 * "Client sessions"). A lingering graceful close never ships; a re-counted one ships 2. A flow's
 * closes are its own records' `Last.TCPClosed`, also inside a record merged by tuple.
 */
import { isEnded } from '../../engine/driver/flow.js';
import { sessionVerdicts } from '../sessionVerdicts.js';
import type { Invariant } from '../Invariant.js';

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
} satisfies Invariant;

export default CloseReportedOnce;
