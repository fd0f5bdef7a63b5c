/**
 * Engine runs as recorded histories: the polls as the audit reads them, and each poll as the JSON
 * of `/network_tracer/connections` (jsonpb, `EmitDefaults`). Tuple `t` is 10.0.0.5:(50000 + t) →
 * 10.0.0.9:443, pid 4242: flows of one tuple share it. Leaves out: packets, RTT, DNS, tags (zeros).
 */
import type { PayloadRecord } from '../engine/agent/PayloadRecord.js';
import type { EngineState } from '../engine/EngineState.js';
import { pollsOf } from '../checking/replayReport.js';
import type { History } from './History.js';
import { historyPolls } from './parseHistory.js';

/** The process every generated connection belongs to. */
const PID = 4242;

/**
 * The history of a run's states (`states[0]` the start): one poll per completed poll.
 *
 * @example
 * historyOfStates(run.states, 'run').polls.length //=> 3 for the PR trace
 */
export const historyOfStates = (states: readonly EngineState[], source: string): History => ({
  files: [source],
  polls: historyPolls(pollsOf(states), source),
});

/** One record as `FormatConnection` writes it, then jsonpb with `EmitDefaults`. */
function connectionJson(r: PayloadRecord): Record<string, unknown> {
  return {
    pid: PID,
    laddr: { ip: '10.0.0.5', port: 50000 + r.tuple, containerId: '' },
    raddr: { ip: '10.0.0.9', port: 443, containerId: '' },
    family: 'v4',
    type: 'tcp',
    isLocalPortEphemeral: 'ephemeralTrue',
    lastBytesSent: String(r.lastSentBytes),
    lastBytesReceived: String(r.lastRecvBytes),
    lastRetransmits: 0,
    direction: 'outgoing',
    lastPacketsSent: '0',
    lastPacketsReceived: '0',
    netNS: 0,
    ipTranslation: null,
    rtt: 0,
    rttVar: 0,
    intraHost: false,
    lastTcpEstablished: r.lastTCPEstablished,
    lastTcpClosed: r.lastTCPClosed,
    routeIdx: -1,
    protocol: { stack: [] },
    tags: [],
    tagsChecksum: 0,
    tcpFailuresByErrCode: { ...r.tcpFailures },
  };
}

/** A payload: the connections one poll shipped, and the payload-level fields, empty. */
export type PayloadJson = { readonly conns: readonly Record<string, unknown>[] } & Record<
  string,
  unknown
>;

/**
 * One payload per poll completed along `states`, as the endpoint's JSON.
 *
 * @example
 * agentPayloadsOf(run.states).map((p) => p.conns.length) //=> [1, 1, 1] for the PR trace
 */
export function agentPayloadsOf(states: readonly EngineState[]): PayloadJson[] {
  const out: PayloadJson[] = [];
  for (let i = 1; i < states.length; i++) {
    const s = states[i] as EngineState;
    if (s.polls === (states[i - 1] as EngineState).polls || s.lastPoll === null) continue;
    out.push({
      conns: s.lastPoll.records.map(connectionJson),
      dns: {},
      domains: [],
      routes: [],
      tags: [],
      connTelemetryMap: {},
      compilationTelemetryByAsset: {},
      CORETelemetryByAsset: {},
      PrebuiltEBPFAssets: [],
    });
  }
  return out;
}
