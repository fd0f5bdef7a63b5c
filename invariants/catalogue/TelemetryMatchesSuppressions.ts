/**
 * `windows_lingering_flows` equals the re-reports it exists to count: records of a connection whose
 * baseline already counted a close, that add no close and still carry failures (PR #50823's
 * predicate, counted by the engine whatever the agent design does;
 * docs/semantics.md#telemetrymatchessuppressions).
 */
import { fails, HOLDS, type Invariant } from '../Invariant.js';
import { firstOf } from '../explain/Run.js';
import { reReport } from '../explain/reReport.js';
import { lingering } from '../explain/lingering.js';

export const TelemetryMatchesSuppressions = {
  name: 'TelemetryMatchesSuppressions',
  statement:
    'windows_lingering_flows equals the re-reports of already-closed connections with failures',
  when: 'everyStep',
  check: ({ agent, reReportsWithFailures }) =>
    agent.telemetry.windows_lingering_flows === reReportsWithFailures
      ? HOLDS
      : fails(
          'windows_lingering_flows',
          `counter ${agent.telemetry.windows_lingering_flows}, re-reports with failures ${reReportsWithFailures}`,
        ),
  // windows_lingering_flows and the re-reports ghost: shared counters, no connection's share. Both
  // only grow by a poll's additions, so their difference is all that later verdicts need.
  scope: {
    connection: () => null,
    shared: (c) => c.telemetry.windows_lingering_flows - c.reReports,
  },
  explain: firstOf(reReport, lingering),
  witness: { driver: 'original', agent: 'silent-postfix', trace: 'e1 ce1 r1 fd1*4 cx1 p t1 p' },
} satisfies Invariant;

export default TelemetryMatchesSuppressions;
