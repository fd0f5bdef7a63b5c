/**
 * The poll's two reads on the engine state: what each reads and drains, which client polls, what
 * the latest poll records for the invariants, and the re-reports it counts.
 */
import { describe, expect, it } from 'vitest';
import { seq, seqStates } from '../seq.js';
import { original } from '../driver/variants/original.js';
import type { EngineState } from '../EngineState.js';
import { newEngine } from '../EngineState.js';
import { runEvents } from '../run.js';
import type { AgentVariant } from './AgentVariant.js';
import { connection, cookie } from './ConnectionStats.js';
import { getClient, newNetworkState } from './networkState.js';
import { pollClient, POLL_STEPS, readClosed, readOpen } from './poll.js';
import { counters } from './statCounters.js';
import { postfix } from './variants/postfix.js';
import { prefix } from './variants/prefix.js';

function states(text: string, agent: AgentVariant = prefix, clients = 1): readonly EngineState[] {
  return seqStates({ driver: original, agent, layers: 4, clients }, text);
}
const after = (text: string, agent: AgentVariant = prefix, clients = 1) =>
  states(text, agent, clients).at(-1)!;

const PR_TRACE = 'e1 t1:100 ce1 r1 fd1*4 cx1 p t1:10 p t1:10 p';

describe('poll', () => {
  it('has two steps, readOpen then readClosed', () => {
    expect(POLL_STEPS).toEqual(['readOpen', 'readClosed']);
  });

  it('reads openFlows without removing anything, for the client whose turn it is', () => {
    const before = after('e1 e2 p', prefix, 2);
    const s = readOpen(before, pollClient(before, undefined));
    expect([s.poll?.client, s.poll?.open.map((c) => c.cookie), s.driver.openFlows]).toEqual([
      1,
      [1, 2],
      [1, 2],
    ]);
  });

  it('records what the latest poll read, drained and shipped', () => {
    // Arrange: two clients; flow 2 is drained in the third poll, client 0's second turn.
    const s = after('e1 e2 p p t1 r2 fd2*4 p', prefix, 2);
    // Act
    const lastPoll = s.lastPoll!;
    // Assert
    expect([
      lastPoll.index,
      lastPoll.client,
      lastPoll.openCookies,
      lastPoll.closedCookies,
      s.polls,
    ]).toEqual([3, 0, [1], [2], 3]);
    expect(
      lastPoll.records.map((r) => [r.cookie, r.lastSentBytes, r.lastTCPClosed, r.closesBefore]),
    ).toEqual([
      [1, 10, 0, 0],
      [2, 0, 1, 0],
    ]);
  });

  it('drains closedFlows once, releasing the table reference and counting the read', () => {
    const s = after('e1 r1 fd1*4 p');
    const f = s.driver.flows[1]!;
    expect([s.driver.closedFlows, f.closedReads, f.refCount, f.freed, f.accessesAfterFree]).toEqual(
      [[], 1, 0, true, 0],
    );
  });

  it('drains as a poll whose open read returned nothing when called without the open read, for the client whose turn it is', () => {
    const s = readClosed(after('e1 e2 r1 fd1*4 p', prefix, 2));
    expect([
      s.lastPoll?.client,
      s.lastPoll?.openCookies,
      s.lastPoll?.closedCookies,
      s.lastPoll?.records.map((r) => r.cookie),
      s.poll,
    ]).toEqual([1, [], [1], [1], null]);
    const again = readClosed(after('e1 e2 r1 fd1*4', prefix, 2));
    expect([
      again.lastPoll?.client,
      again.lastPoll?.closedCookies,
      again.lastPoll?.records.map((r) => r.cookie),
    ]).toEqual([0, [1], [1]]);
  });

  it('keeps the failures the driver reported beside those the design shipped', () => {
    const polls = states(PR_TRACE, postfix).filter(
      (s, i, all) => s.lastPoll !== all[i - 1]?.lastPoll && s.lastPoll !== null,
    );
    expect(
      polls.map((s) =>
        s.lastPoll!.records.map((r) => [r.tcpFailures, r.rawFailures, r.closesBefore]),
      ),
    ).toEqual([
      [[{ '104': 1 }, { '104': 1 }, 0]],
      [[{}, { '104': 1 }, 1]],
      [[{}, { '104': 1 }, 1]],
    ]);
  });

  it('counts each re-report of an already-closed connection that still carries failures', () => {
    const counted = (text: string, agent: AgentVariant = prefix) =>
      states(text, agent)
        .map((s) => s.reReportsWithFailures)
        .at(-1);
    expect([counted(PR_TRACE), counted(PR_TRACE, postfix)]).toEqual([2, 2]);
    expect(counted('e1 t1 p r1 fd1*4 p')).toBe(0);
    expect(counted('e1 t1 p f1 ce1 fd1*4 cx1 p t1 p')).toBe(0);
    expect(counted('e1 r1 p t1 p')).toBe(1);
  });

  it('does not count a record that ships a further close as a re-report, even with failures', () => {
    // Arrange: the open read gives a reset connection whose TCPClosed counter goes 1, 2, 2.
    const open = (closed: number) =>
      connection({
        cookie: cookie(1),
        monotonic: counters({ sentBytes: 10 * closed, tcpClosed: closed }),
        tcpFailures: { '104': 1 },
      });
    const poll = (s: EngineState, closed: number) =>
      readClosed({ ...s, poll: { client: 0, open: [open(closed)] } });
    const first = poll(newEngine({ driver: original, agent: prefix, layers: 4, clients: 1 }), 1);
    // Act
    const closesAgain = poll(first, 2);
    const reReports = poll(closesAgain, 2);
    // Assert: the second close (Last TCPClosed 1) is not a re-report; the third poll, adding none, is.
    expect([first, closesAgain, reReports].map((s) => s.reReportsWithFailures)).toEqual([0, 0, 1]);
  });

  it('registers a client the agent has not seen, as GetDelta does, and ships its open flows', () => {
    // Arrange: the agent never registered client 1, so the drained flow was stored for nobody.
    const start = {
      ...newEngine({ driver: original, agent: prefix, layers: 4, clients: 1 }),
      agent: newNetworkState(prefix),
    };
    const r = runEvents(start.config, seq('e1 e2 r1 fd1*4 p'), start);
    if (!r.ok) throw r.error;
    const s = r.value.at(-1)!;
    // Assert
    expect([
      s.lastPoll?.closedCookies,
      s.lastPoll?.records.map((x) => x.cookie),
      getClient(s.agent, '1')?.stats.size,
    ]).toEqual([[], [2], 1]);
  });
});
