/**
 * `windows_lingering_flows` equals the re-reports it exists to count: records of a connection whose
 * baseline already counted a close, that add no close and still carry failures (PR #50823's
 * predicate, counted by the engine whatever the agent design does; §8.3 I9).
 */
import { fails, HOLDS, type Invariant } from '../Invariant.js';

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
} satisfies Invariant;

export default TelemetryMatchesSuppressions;
