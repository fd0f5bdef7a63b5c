/**
 * TelemetryCountsOnlyLingering: every windows_lingering_flows increment belongs to a flow stranded
 * in openFlows at that moment; its explanation says where the counted flow was.
 */
import { describe, expect, it } from 'vitest';
import { runAfter, type RunOptions } from '../../checking/fixtures/runs.js';
import { stateAfter } from '../../checking/fixtures/states.js';
import { TelemetryCountsOnlyLingering } from './TelemetryCountsOnlyLingering.js';

const { check, explain } = TelemetryCountsOnlyLingering;
const DEFERRED = { driver: 'deferred-move', agent: 'postfix' };
const why = (text: string, options: RunOptions = DEFERRED) => explain(runAfter(text, options));
const notLingering = (at: string, where: string) =>
  `${at} windows_lingering_flows counted flow 1, ${where}: a re-report of a flow that is not lingering`;

describe('TelemetryCountsOnlyLingering', () => {
  it('is judged after every step, with its statement', () => {
    expect([
      TelemetryCountsOnlyLingering.name,
      TelemetryCountsOnlyLingering.statement,
      TelemetryCountsOnlyLingering.when,
    ]).toEqual([
      'TelemetryCountsOnlyLingering',
      'every windows_lingering_flows increment belongs to a flow stranded in openFlows at that moment',
      'everyStep',
    ]);
  });

  it('fails when postfix counts a reset flow polled again before its notifications', () => {
    expect(check(stateAfter('e1 r1 p p', DEFERRED))).toEqual({
      ok: false,
      subject: 'windows_lingering_flows',
      detail: 'counted flow 1 in poll 2, which is not stranded in openFlows',
    });
  });

  it('holds when the counted flow is the stranded one of the PR race', () => {
    expect(check(stateAfter('e1 ce1 r1 fd1*4 cx1 p t1 p', { agent: 'postfix' }))).toEqual({
      ok: true,
    });
  });
});

describe('TelemetryCountsOnlyLingering.explain', () => {
  it('says how many notifications the counted flow had begun', () => {
    expect(why('e1 r1 p p')).toBe(
      notLingering('at step 4 (poll)', 'still in openFlows with 0 of 4 delete notifications begun'),
    );
  });

  it('says when one notification was part-way through', () => {
    expect(why('e1 r1 p fd1.markPending p')).toBe(
      notLingering(
        'at step 5 (poll)',
        'still in openFlows with 1 of 4 delete notifications begun (one part-way through)',
      ),
    );
  });

  it('says when the counted flow had been drained from closedFlows', () => {
    expect(why('e1 r1 p fd1*4 p', { agent: 'postfix' })).toBe(
      notLingering('at step 8 (poll)', 'already drained from closedFlows'),
    );
  });

  it('sees nothing when every count was of a stranded flow', () => {
    expect(why('e1 ce1 r1 fd1*4 cx1 p t1 p', { agent: 'postfix' })).toBeNull();
  });
});
