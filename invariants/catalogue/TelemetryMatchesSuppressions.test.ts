/**
 * TelemetryMatchesSuppressions: windows_lingering_flows counts exactly the re-reports it exists for.
 */
import { describe, expect, it } from 'vitest';
import { stateAfter } from '../../checking/fixtures/states.js';
import { TelemetryMatchesSuppressions } from './TelemetryMatchesSuppressions.js';
import { ZERO_TELEMETRY } from '../../engine/agent/AgentTelemetry.js';

const { check } = TelemetryMatchesSuppressions;
const PR_TRACE = 'e1 t1:100 ce1 r1 fd1*4 cx1 p t1:10 p t1:10 p';

describe('TelemetryMatchesSuppressions', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([
      TelemetryMatchesSuppressions.name,
      TelemetryMatchesSuppressions.statement,
      TelemetryMatchesSuppressions.when,
    ]).toEqual([
      'TelemetryMatchesSuppressions',
      'windows_lingering_flows equals the re-reports of already-closed connections with failures',
      'everyStep',
    ]);
  });

  it('holds with postfix, which counts both re-reports of the PR race', () => {
    expect(check(stateAfter(PR_TRACE, { agent: 'postfix' }))).toEqual({ ok: true });
  });

  it('fails with prefix, which counts none of them', () => {
    expect(check(stateAfter(PR_TRACE))).toEqual({
      ok: false,
      subject: 'windows_lingering_flows',
      detail: 'counter 0, re-reports with failures 2',
    });
  });

  it('reads only the counter less the re-reports, and nothing of any connection', () => {
    const { connection, shared } = TelemetryMatchesSuppressions.scope;
    const telemetry = { ...ZERO_TELEMETRY, windows_lingering_flows: 3 };
    expect([shared({ telemetry, reReports: 1 }), connection()]).toEqual([2, null]);
  });
});
