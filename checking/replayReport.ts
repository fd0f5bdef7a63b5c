/**
 * The replay report (docs/formats.md#replay-report): per poll, the shipped records, the backend's
 * sums and rate, and the telemetry; then every invariant's verdict.
 */
import { rate } from '../engine/backend/backend.js';
import type { AgentTelemetry } from '../engine/agent/AgentTelemetry.js';
import type { TCPFailures } from '../engine/agent/tcpFailures.js';
import type { EngineState } from '../engine/EngineState.js';
import type { TraceCheck } from '../invariants/checkTrace.js';

/** One shipped record as the report shows it. */
export interface ReportRecord {
  readonly flow: number;
  readonly cookie: number;
  /** The connection as the backend knows it (docs/environment.md: flows may share a tuple). */
  readonly tuple: number;
  /** The flows whose records the aggregator merged into this one, the kept one first. */
  readonly flows: readonly number[];
  readonly lastTCPClosed: number;
  readonly tcpFailures: TCPFailures;
  readonly lastSentBytes: number;
  readonly lastRecvBytes: number;
}

/** One poll of the report. */
export interface ReportPoll {
  readonly poll: number;
  readonly client: number;
  /** 1-based index of the trace event that completed the poll. */
  readonly event: number;
  readonly records: readonly ReportRecord[];
  readonly backend: {
    readonly closes: number;
    readonly failures: number;
    readonly rate: number | null;
  };
  readonly telemetry: AgentTelemetry;
}

/** One invariant's verdict as the report shows it. */
export interface ReportVerdict {
  readonly name: string;
  readonly statement: string;
  readonly when: 'everyStep' | 'quiescence';
  readonly verdict: 'holds' | 'violated';
  readonly step?: number;
  readonly subject?: string;
  readonly detail?: string;
}

/** The report. */
export interface ReplayReport {
  readonly driver: string;
  readonly agent: string;
  readonly layers: number;
  readonly clients: number;
  readonly events: number;
  readonly polls: readonly ReportPoll[];
  readonly closeOutEvents: number;
  readonly invariants: readonly ReportVerdict[];
}

/** The polls completed along `states`, one entry each. */
export function pollsOf(states: readonly EngineState[]): ReportPoll[] {
  const polls: ReportPoll[] = [];
  for (let i = 1; i < states.length; i++) {
    const s = states[i] as EngineState;
    if (s.polls === (states[i - 1] as EngineState).polls || s.lastPoll === null) continue;
    const backend = s.backends[s.lastPoll.client];
    if (backend === undefined) continue;
    polls.push({
      poll: s.lastPoll.index,
      client: s.lastPoll.client + 1,
      event: i,
      records: s.lastPoll.records.map((r) => ({
        flow: r.flow,
        cookie: r.cookie,
        tuple: r.tuple,
        flows: r.parts.map((part) => part.flow),
        lastTCPClosed: r.lastTCPClosed,
        tcpFailures: r.tcpFailures,
        lastSentBytes: r.lastSentBytes,
        lastRecvBytes: r.lastRecvBytes,
      })),
      backend: { closes: backend.closes, failures: backend.failures, rate: rate(backend) },
      telemetry: s.agent.telemetry,
    });
  }
  return polls;
}

/** Builds the report of a checked trace. */
export function replayReport(check: TraceCheck): ReplayReport {
  const start = check.states[0] as EngineState;
  const { config } = start;
  return {
    driver: config.driver.name,
    agent: config.agent.name,
    layers: config.layers,
    clients: config.clients,
    events: check.states.length - 1,
    polls: pollsOf(check.states),
    closeOutEvents: check.closeOut.length,
    invariants: check.verdicts.map((v) => ({
      name: v.invariant.name,
      statement: v.invariant.statement,
      when: v.invariant.when,
      verdict: v.verdict,
      ...(v.step === undefined ? {} : { step: v.step }),
      ...(v.subject === undefined ? {} : { subject: v.subject, detail: v.detail }),
    })),
  };
}
