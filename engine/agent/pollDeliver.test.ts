/**
 * What a poll's delivery records beside the payload: which client polls, each
 * windows_lingering_flows increment and whether its flow was stranded, the failures each part of a
 * merged record carries through the encoder, the session of a client the agent has forgotten, and
 * a client slot with no backend.
 */
import { describe, expect, it } from 'vitest';
import { original } from '../driver/variants/original.js';
import { putFlow } from '../driver/tables.js';
import type { EngineState } from '../EngineState.js';
import { newEngine } from '../EngineState.js';
import { seqStates } from '../seq.js';
import type { AgentVariant } from './AgentVariant.js';
import { connection, cookie } from './ConnectionStats.js';
import { getClient } from './networkState.js';
import { pollClient, readClosed } from './poll.js';
import { counters } from './statCounters.js';
import type { TCPFailures } from './tcpFailures.js';
import { postfix } from './variants/postfix.js';
import { prefix } from './variants/prefix.js';

const config = (agent: AgentVariant, clients = 1) =>
  ({ driver: original, agent, layers: 4, clients }) as const;
const after = (text: string, agent: AgentVariant = prefix): EngineState =>
  seqStates(config(agent), text).at(-1)!;

/** A poll whose open read gave flow 1 reset, with `closed` closes counted so far. */
const pollResetFlow = (s: EngineState, closed: number) =>
  readClosed({
    ...s,
    poll: {
      client: 0,
      open: [
        connection({
          cookie: cookie(1),
          monotonic: counters({ sentBytes: 10 * closed, tcpClosed: closed }),
          tcpFailures: { '104': 1 },
        }),
      ],
    },
  });

describe('the polling client', () => {
  it('is the one the poll names (1-based), else the next in turn', () => {
    const s = newEngine(config(prefix, 3));
    expect([pollClient(s, 2), pollClient(s, undefined), pollClient({ ...s, polls: 4 }, 3)]).toEqual(
      [1, 0, 2],
    );
  });
});

describe('windows_lingering_flows increments', () => {
  const suppressions = (text: string) => after(text, postfix).lastPoll?.suppressions;

  it('marks the flow of the race stranded: ended, in openFlows, its last notification done', () => {
    expect(suppressions('e1 t1:100 ce1 r1 fd1*4 cx1 p t1:10 p')).toEqual([
      { flow: 1, stranded: true },
    ]);
  });

  it.each([
    ['whose delete notifications have not come', 'e1 r1 p t1 p'],
    ['whose last delete notification is part-way through', 'e1 ce1 r1 p fd1*3 fd1.cas p'],
    ['that left openFlows and was drained', 'e1 r1 p fd1*4 p'],
  ])('does not mark a reset flow %s stranded', (_, text) => {
    expect(suppressions(text)).toEqual([{ flow: 1, stranded: false }]);
  });

  it('does not mark stranded a record with no driver flow, or with one that has not ended', () => {
    // Records fed straight into the poll: flow 1 closes once, then is re-reported with its reset.
    const threePolls = (s: EngineState) =>
      pollResetFlow(pollResetFlow(pollResetFlow(s, 1), 2), 2).lastPoll?.suppressions;
    const none = newEngine(config(postfix));
    const live = after('e1', postfix);
    // Established, yet with as many notifications as layers: only the end makes it stranded.
    const counted = putFlow(live.driver, { ...live.driver.flows[1]!, notifies: 4 });
    expect([threePolls(none), threePolls({ ...live, driver: counted })]).toEqual([
      [{ flow: 1, stranded: false }],
      [{ flow: 1, stranded: false }],
    ]);
  });
});

describe('the failures of merged records', () => {
  // An encoder that writes Windows' WSAECONNRESET (10054) for every failure it is given.
  const wsa: AgentVariant = {
    ...prefix,
    name: 'wsa',
    encodeFailures: (r): TCPFailures =>
      Object.fromEntries(Object.values(r.tcpFailures).map((n) => ['10054', n])),
  };

  it('puts what the encoder wrote on the kept part only, when it differs from the merged map', () => {
    // Flow 2 reuses the tuple of reset flow 1 and is reset too: the aggregator keeps flow 1's failures.
    const s = after('e1 r1 e2@1 r2 p', wsa);
    const parts = s.lastPoll?.records.map((r) =>
      r.parts.map((p) => [p.flow, p.rawFailures, p.failures]),
    );
    expect(parts).toEqual([
      [
        [1, { '104': 1 }, { '10054': 1 }],
        [2, { '104': 1 }, {}],
      ],
    ]);
    expect(s.sessions[0]?.shipped).toEqual({
      1: { closes: 1, failures: 1 },
      2: { closes: 1, failures: 0 },
    });
  });
});

describe('a poll of a client the agent does not know', () => {
  it('starts a new session, whatever the expired one had shipped', () => {
    // Client 1 ships flow 1's close, expires, and is created again by its next poll.
    const s = after('e1 r1 p exp1 p');
    const closesBefore = s.lastPoll?.records.flatMap((r) => r.parts.map((p) => p.closesBefore));
    expect([closesBefore, s.sessions[0]?.shipped[1]]).toEqual([[0], { closes: 1, failures: 1 }]);
  });

  it('ships nothing and counts no poll for a client slot without a backend', () => {
    const start = after('e1 t1');
    const s = readClosed({ ...start, poll: { client: 1, open: [] } });
    expect([s.polls, s.lastPoll, getClient(s.agent, '2')]).toEqual([0, null, undefined]);
  });
});
