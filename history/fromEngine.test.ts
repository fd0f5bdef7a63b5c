/**
 * Engine runs as histories (history/fromEngine.ts): one payload per completed poll, each
 * connection written as the endpoint's jsonpb with every default emitted; the history of the same
 * states holds the same polls, read back from the replay report.
 */
import { describe, expect, it } from 'vitest';
import { agentVariants } from '../engine/agent/variants/index.js';
import { driverVariants } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { seqStates } from '../engine/seq.js';
import { agentPayloadsOf, historyOfStates } from './fromEngine.js';

const ORIGINAL_PREFIX: EngineConfig = {
  driver: driverVariants.find((d) => d.name === 'original')!,
  agent: agentVariants.find((a) => a.name === 'prefix')!,
  layers: 4,
  clients: 1,
};

/** Flow 1 sends 100 bytes and resets before the first poll; traffic then a second, empty poll. */
const RESET_THEN_POLLS = 'e1 t1:100 r1 fd1*4 p t1 p';

const EMPTY_PAYLOAD_FIELDS = {
  dns: {},
  domains: [],
  routes: [],
  tags: [],
  connTelemetryMap: {},
  compilationTelemetryByAsset: {},
  CORETelemetryByAsset: {},
  PrebuiltEBPFAssets: [],
};

describe('agentPayloadsOf', () => {
  it('writes a shipped connection with every field of the endpoint, defaults included', () => {
    // Arrange
    const states = seqStates(ORIGINAL_PREFIX, RESET_THEN_POLLS);
    // Act
    const payloads = agentPayloadsOf(states);
    // Assert
    expect(payloads[0]).toStrictEqual({
      conns: [
        {
          pid: 4242,
          laddr: { ip: '10.0.0.5', port: 50001, containerId: '' },
          raddr: { ip: '10.0.0.9', port: 443, containerId: '' },
          family: 'v4',
          type: 'tcp',
          isLocalPortEphemeral: 'ephemeralTrue',
          lastBytesSent: '100',
          lastBytesReceived: '0',
          lastRetransmits: 0,
          direction: 'outgoing',
          lastPacketsSent: '0',
          lastPacketsReceived: '0',
          netNS: 0,
          ipTranslation: null,
          rtt: 0,
          rttVar: 0,
          intraHost: false,
          lastTcpEstablished: 1,
          lastTcpClosed: 1,
          routeIdx: -1,
          protocol: { stack: [] },
          tags: [],
          tagsChecksum: 0,
          tcpFailuresByErrCode: { '104': 1 },
        },
      ],
      ...EMPTY_PAYLOAD_FIELDS,
    });
  });

  it('yields one payload per completed poll, none for the events between polls', () => {
    // Arrange
    const states = seqStates(ORIGINAL_PREFIX, RESET_THEN_POLLS);
    // Act
    const payloads = agentPayloadsOf(states);
    // Assert: the traffic after the first poll ships nothing of its own.
    expect(payloads).toHaveLength(2);
    expect(payloads[1]).toStrictEqual({ conns: [], ...EMPTY_PAYLOAD_FIELDS });
  });

  it('gives each tuple its own local port, 50000 + the tuple', () => {
    // Arrange
    const states = seqStates(ORIGINAL_PREFIX, 'e1 e2 p');
    // Act
    const conns = agentPayloadsOf(states)[0]?.conns ?? [];
    // Assert
    expect(conns.map((c) => c.laddr)).toEqual([
      { ip: '10.0.0.5', port: 50001, containerId: '' },
      { ip: '10.0.0.5', port: 50002, containerId: '' },
    ]);
  });

  it('yields nothing for a run with no poll', () => {
    expect(agentPayloadsOf(seqStates(ORIGINAL_PREFIX, 'e1 t1 r1'))).toEqual([]);
  });
});

describe('historyOfStates', () => {
  it('names the source as its one file and holds one poll per completed poll', () => {
    // Arrange
    const states = seqStates(ORIGINAL_PREFIX, RESET_THEN_POLLS);
    // Act
    const history = historyOfStates(states, 'run');
    // Assert
    expect(history).toStrictEqual({
      files: ['run'],
      polls: [
        {
          poll: 1,
          client: '1',
          source: 'run#polls[0]',
          records: [
            {
              poll: 1,
              client: '1',
              connection: 'tuple 1',
              label: 'connection 1',
              flows: [1],
              lastTcpClosed: 1,
              failures: { '104': 1 },
              failureCount: 1,
              lastBytesSent: 100,
              lastBytesReceived: 0,
              source: 'run#polls[0]',
            },
          ],
        },
        { poll: 2, client: '1', source: 'run#polls[1]', records: [] },
      ],
    });
  });
});
