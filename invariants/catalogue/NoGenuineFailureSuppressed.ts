/**
 * A flow whose record ships its first close ships that close's failures as the driver reported
 * them: no fix may hide a real failure, and neither may the aggregator that merges records of one
 * tuple (each flow's part of a merged record is judged: docs/environment.md, "Attribution").
 */
import { hasFailures, sameFailures } from '../../engine/agent/tcpFailures.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { mergedAway } from '../explain/mergedAway.js';

export const NoGenuineFailureSuppressed = {
  name: 'NoGenuineFailureSuppressed',
  statement: 'the agent never drops the failure of a record that ships a close for the first time',
  when: 'everyStep',
  check: ({ lastPoll }) =>
    firstFailure(
      (lastPoll?.records ?? []).flatMap((r) =>
        r.parts.map((p) =>
          p.lastTCPClosed > 0 &&
          p.closesBefore === 0 &&
          hasFailures(p.rawFailures) &&
          !sameFailures(p.failures, p.rawFailures)
            ? fails(
                `connection ${p.flow}`,
                `first close shipped with failures ${JSON.stringify(p.failures)}${r.parts.length > 1 ? ` (merged into flow ${r.flow}'s record of tuple ${r.tuple})` : ''}, driver reported ${JSON.stringify(p.rawFailures)}`,
              )
            : HOLDS,
        ),
      ),
    ),
  scope: 'perFlow',
  explain: mergedAway,
  witness: { driver: 'original', agent: 'hide-all-failures', trace: 'e1 r1 fd1*4 p' },
} satisfies Invariant;

export default NoGenuineFailureSuppressed;
