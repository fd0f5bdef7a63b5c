/**
 * The incident end to end: driver, agent and backend on the PR #50823 test's three polls, and the
 * cases around it (docs/semantics.md#the-bug-poll-by-poll).
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { replayReport } from './replayReport.js';
import { seq } from '../engine/seq.js';

const config = (agent: string, driver = 'original'): EngineConfig => ({
  driver: findDriver(driver)!,
  agent: findAgent(agent)!,
  layers: 4,
  clients: 1,
});

const report = (agent: string, text: string, driver = 'original') => {
  const r = checkTrace(config(agent, driver), seq(text));
  if (!r.ok) throw r.error;
  return replayReport(r.value);
};
const rates = (agent: string, text: string, driver = 'original') =>
  report(agent, text, driver).polls.map((p) => p.backend.rate);
const verdict = (agent: string, text: string, name: string, driver = 'original') =>
  report(agent, text, driver).invariants.find((v) => v.name === name)?.verdict;

const PR_TRACE = 'e1 t1:100 ce1 r1 fd1*4 cx1 p t1:10 p t1:10 p';

describe('the PR #50823 three-poll trace', () => {
  it('climbs to 100%, 200%, 300% with the prefix agent', () => {
    expect(rates('prefix', PR_TRACE)).toEqual([1, 2, 3]);
  });

  it('stays at 100% with the postfix agent and counts two lingering re-reports', () => {
    const r = report('postfix', PR_TRACE);
    expect(r.polls.map((p) => p.backend.rate)).toEqual([1, 1, 1]);
    expect(r.polls.at(-1)?.telemetry.windows_lingering_flows).toBe(2);
  });

  it('ships the re-reports with their bytes but without failures under postfix', () => {
    expect(report('postfix', PR_TRACE).polls[1]?.records).toEqual([
      {
        flow: 1,
        cookie: 1,
        tuple: 1,
        flows: [1],
        lastTCPClosed: 0,
        tcpFailures: {},
        lastSentBytes: 10,
        lastRecvBytes: 0,
      },
    ]);
  });

  it.each(['encoder-gate', 'failures-delta'])('stays at 100%% with the %s agent', (agent) => {
    expect(rates(agent, PR_TRACE)).toEqual([1, 1, 1]);
  });

  it('filters the re-report when no byte moved between polls, since the filter reads Last only', () => {
    const r = report('prefix', 'e1 t1:100 ce1 r1 fd1*4 cx1 p p p');
    expect(r.polls.map((p) => p.records.length)).toEqual([1, 0, 0]);
    expect(r.polls.map((p) => p.backend.rate)).toEqual([1, 1, 1]);
  });

  it('leaves the flow lingering in openFlows whatever the agent', () => {
    for (const agent of ['prefix', 'postfix', 'encoder-gate', 'failures-delta']) {
      expect(verdict(agent, PR_TRACE, 'NoLingeringAtQuiescence')).toBe('violated');
    }
  });
});

describe('around the race', () => {
  it.each(['prefix', 'postfix', 'encoder-gate', 'failures-delta'])(
    'ships one close and one failure for a normal reset with no race (%s)',
    (agent) => {
      const text = 'e1 t1:100 p r1 fd1*4 p t1 p';
      expect(rates(agent, text).at(-1)).toBe(1);
      expect(verdict(agent, text, 'FailureReportedOnce')).toBe('holds');
      expect(verdict(agent, text, 'CloseReportedOnce')).toBe('holds');
    },
  );

  it('never ships the close of a graceful close that lingers', () => {
    const r = report('postfix', 'e1 t1:100 ce1 f1 fd1*4 cx1 p t1 p');
    expect(r.polls.map((p) => p.backend.closes)).toEqual([0, 0]);
    expect(r.invariants.find((v) => v.name === 'CloseReportedOnce')).toMatchObject({
      verdict: 'violated',
      detail: 'graceful close shipped 0 closes',
    });
  });

  it('re-reports a reset flow polled before its notifies, even with a fixed driver (prefix)', () => {
    // A reset flow reads as closed from its reset on (PR #47005), in whichever table it is.
    expect(rates('prefix', 'e1 r1 p t1 p fd1*4 p', 'deferred-move')).toEqual([1, 2, 2]);
    expect(rates('postfix', 'e1 r1 p t1 p fd1*4 p', 'deferred-move')).toEqual([1, 1, 1]);
  });

  it('absorbs the active twin when the flow moves between the poll two reads', () => {
    const r = report('prefix', 'e1 t1 r1 fd1*3 p.readOpen fd1 p.readClosed', 'original');
    expect(r.polls[0]?.records).toHaveLength(1);
    expect(r.polls[0]?.backend).toMatchObject({ closes: 1, failures: 1 });
  });

  it('gives each client its own baselines and backend', () => {
    const r = checkTrace({ ...config('prefix'), clients: 2 }, seq(PR_TRACE));
    if (!r.ok) throw r.error;
    const polls = replayReport(r.value).polls;
    expect(polls.map((p) => [p.client, p.backend.rate])).toEqual([
      [1, 1],
      [2, 1],
      [1, 2],
    ]);
  });
});
