/**
 * By quiescence each reset flow has added exactly 1 to the shipped failures of every client
 * session that was registered when it ended: neither lost (by a design, or by the aggregator that
 * keeps one record's failures per tuple) nor re-counted (docs/environment.md "Client sessions").
 */
import { sessionVerdicts } from '../sessionVerdicts.js';
import type { Invariant } from '../Invariant.js';
import { firstOf } from '../explain/Run.js';
import { reReport } from '../explain/reReport.js';
import { closeTwice } from '../explain/closeTwice.js';
import { mergedAway } from '../explain/mergedAway.js';
import { lingering } from '../explain/lingering.js';

export const FailureReportedOnce = {
  name: 'FailureReportedOnce',
  statement: 'by quiescence each reset flow has added exactly 1 to shipped failures',
  when: 'quiescence',
  check: (state) =>
    sessionVerdicts(
      state,
      (flow) => flow.status === 'recvRst',
      (_flow, shipped) =>
        shipped.failures === 1 ? null : `reset shipped ${shipped.failures} failures`,
    ),
  scope: 'perFlow',
  explain: firstOf(reReport, closeTwice, mergedAway, lingering),
  witness: { driver: 'original', agent: 'prefix', trace: 'e1 ce1 r1 fd1*4 cx1 p t1 p' },
} satisfies Invariant;

export default FailureReportedOnce;
