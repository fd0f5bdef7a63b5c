/**
 * What the metric's name promises: every increment of `windows_lingering_flows` belongs to a flow
 * that is, at that moment, stranded (ended, still in `openFlows`, its last delete notification
 * finished). `TelemetryMatchesSuppressions` says what the code counts (PR #50823's predicate);
 * this one says what it should count. A reset flow polled in `openFlows` and then drained from
 * `closedFlows` meets the predicate without ever lingering.
 */
import type { EngineState } from '../../engine/EngineState.js';
import { at, polls, type Explainer } from '../explain/Run.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

// windows_lingering_flows counted a flow that was not stranded: where that flow was.
const notStranded: Explainer = (run) => {
  for (const { i, poll } of polls(run)) {
    const s = poll.suppressions.find((x) => !x.stranded);
    if (s === undefined) continue;
    const d = (run.states[i] as EngineState).driver;
    const f = d.flows[s.flow];
    const where =
      f === undefined
        ? 'unknown'
        : d.openFlows.includes(f.id)
          ? `still in openFlows with ${f.notifies} of ${d.layers} delete notifications begun${f.notify === null ? '' : ' (one part-way through)'}`
          : d.closedFlows.includes(f.id)
            ? 'in closedFlows'
            : 'already drained from closedFlows';
    return `${at(run, i)} windows_lingering_flows counted flow ${s.flow}, ${where}: a re-report of a flow that is not lingering`;
  }
  return null;
};

export const TelemetryCountsOnlyLingering = {
  name: 'TelemetryCountsOnlyLingering',
  statement:
    'every windows_lingering_flows increment belongs to a flow stranded in openFlows at that moment',
  when: 'everyStep',
  check: ({ lastPoll }) =>
    firstFailure(
      (lastPoll?.suppressions ?? []).map((s) =>
        s.stranded
          ? HOLDS
          : fails(
              'windows_lingering_flows',
              `counted flow ${s.flow} in poll ${lastPoll?.index}, which is not stranded in openFlows`,
            ),
      ),
    ),
  scope: 'perFlow',
  explain: notStranded,
  // The agent counts a reset flow re-read in openFlows before its delete notifications run.
  witness: {
    driver: 'deferred-move',
    agent: 'postfix',
    trace: 'e1 r1 p p',
    fixed: { driver: 'deferred-move', agent: 'close-record' },
  },
} satisfies Invariant;

export default TelemetryCountsOnlyLingering;
