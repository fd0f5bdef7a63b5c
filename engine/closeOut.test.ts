/**
 * The close-out (docs/semantics.md#close-out), pinned event by event: what it finishes first, which
 * callouts and notifies it adds, the traffic and polls of its four rounds, and what it does with an
 * event the engine refuses.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from './seq.js';
import { findAgent } from './agent/variants/index.js';
import { closeOut, closeOutRun } from './closeOut.js';
import type { DriverVariant } from './driver/DriverVariant.js';
import { BLOCKED, done, goto } from './driver/DriverVariant.js';
import { interlockedDecrement } from './driver/refCount.js';
import { updateFlow } from './driver/tables.js';
import { findDriver } from './driver/variants/index.js';
import type { EngineState } from './EngineState.js';
import { flowId, formatEvent } from './events.js';

/** The state after `text` on `driver` × prefix. */
function after(
  text: string,
  driver: string | DriverVariant = 'original',
  clients = 1,
): EngineState {
  const d = typeof driver === 'string' ? findDriver(driver)! : driver;
  return seqStates({ driver: d, agent: findAgent('prefix')!, layers: 4, clients }, text).at(-1)!;
}

const printed = (s: EngineState) => closeOut(s).map(formatEvent);

/** original, with its release or notify step replaced (designs that bend the driver rules). */
const bent = (name: string, change: Partial<DriverVariant>): DriverVariant => ({
  ...findDriver('original')!,
  name,
  ...change,
});

/** How many of the close-out's events of `s` print as `text`. */
const count = (s: EngineState, text: string) => printed(s).filter((e) => e === text).length;

describe('closeOut', () => {
  it('releases the callout, then polls twice with traffic and twice without (the PR race)', () => {
    expect(printed(after('e1 ce1 r1 fd1*4'))).toEqual([
      'calloutExit(1)',
      'traffic(1, 1)',
      'poll',
      'traffic(1, 1)',
      'poll',
      'poll',
      'poll',
    ]);
  });

  it('keeps the state after each of its events, the last one quiescent', () => {
    // Arrange
    const start = after('e1 ce1 r1 fd1*4');
    // Act
    const { events, states } = closeOutRun(start);
    // Assert
    expect(states).toHaveLength(events.length);
    expect(states.map((s) => s.polls)).toEqual([0, 0, 1, 1, 2, 3, 4]);
    expect(states.map((s) => s.driver.flows[1]?.sentBytes)).toEqual([0, 1, 1, 2, 2, 2, 2]);
    expect(closeOut(start)).toEqual(events);
  });

  it('finishes the operations part-way through first, the release, the notify, then the poll', () => {
    // Arrange: a release and the last notify part-way through, and a poll between its reads.
    const start = after(
      'e1 ce1 ce1 r1 fd1*3 fd1.markPending cx1.readPending p.readOpen',
      'deferred-move-racy',
    );
    // Act
    const events = printed(start);
    // Assert: then the other callout exits (and moves the flow), and the drained flow gets no traffic.
    expect(events).toEqual([
      'calloutExit(1).decrement',
      'flowDeleteNotify(1).decrement',
      'poll.readClosed',
      'calloutExit(1)',
      'traffic(1, 1)',
      'poll',
      'poll',
      'poll',
      'poll',
    ]);
  });

  it('takes one step at a time, so the poll reads the closed table after the lock is released', () => {
    expect(printed(after('e1 r1 fd1*3 fd1.acquire p.readOpen', 'flow-lock'))).toEqual([
      'flowDeleteNotify(1).update',
      'flowDeleteNotify(1).release',
      'poll.readClosed',
      'poll',
      'poll',
      'poll',
      'poll',
    ]);
  });

  it('gives an ended flow its missing notifies and leaves a live flow alone', () => {
    expect(printed(after('e1 e2 f2 fd2'))).toEqual([
      'flowDeleteNotify(2)',
      'flowDeleteNotify(2)',
      'flowDeleteNotify(2)',
      'traffic(1, 1)',
      'traffic(2, 1)',
      'poll',
      'traffic(1, 1)',
      'poll',
      'poll',
      'poll',
    ]);
  });

  it('sends traffic to the tracked flows by number, whatever their order in openFlows', () => {
    expect(printed(after('e3 e1 e2')).slice(0, 4)).toEqual([
      'traffic(1, 1)',
      'traffic(2, 1)',
      'traffic(3, 1)',
      'poll',
    ]);
  });

  it('lets every client poll once per round', () => {
    expect(printed(after('e1', 'original', 2))).toEqual([
      'traffic(1, 1)',
      'poll(client 1)',
      'poll(client 2)',
      'traffic(1, 1)',
      'poll(client 1)',
      'poll(client 2)',
      'poll(client 1)',
      'poll(client 2)',
      'poll(client 1)',
      'poll(client 2)',
    ]);
  });

  it('stores what the drain holds, and polls a client that expired so that its poll creates it again', () => {
    const s = after('e1 r1 fd1*4 d.read exp1');
    expect(printed(s).slice(0, 2)).toEqual(['drain.store', 'poll']);
    const done = closeOutRun(s).states.at(-1)!;
    expect([done.drain, done.agent.clients.map((c) => c.id)]).toEqual([null, ['1']]);
  });

  it('skips the events the engine refuses and carries on', () => {
    // Arrange: a notify stuck on a step that never runs.
    const stuck: DriverVariant = {
      ...findDriver('original')!,
      name: 'stuck',
      flowDeleteNotify: { begin: ({ driver }) => goto(driver, 'wait'), wait: () => BLOCKED },
    };
    // Act
    const { events, states } = closeOutRun(after('e1 r1 fd1.begin', stuck));
    // Assert: neither the stuck step nor the missing notifies ran; the rounds did.
    expect(events.map(formatEvent)).toEqual([
      'traffic(1, 1)',
      'poll',
      'traffic(1, 1)',
      'poll',
      'poll',
      'poll',
    ]);
    expect(states.at(-1)?.driver.flows[1]?.notify).toMatchObject({ step: 'wait' });
  });

  it('releases as many callouts as were in flight when it began, even if a release lets one in', () => {
    // A release that takes a fresh callout reference as it gives back its own: still one release.
    const reentering = bent('reentering', {
      calloutExit: {
        decrement: ({ driver, id }) =>
          done(updateFlow(driver, id, (f) => ({ ...f, callouts: f.callouts + 1 }))),
      },
    });
    expect(count(after('e1 ce1', reentering), 'calloutExit(1)')).toBe(1);
  });

  it('sends the notifies a flow was missing when they began, even if one gives its association back', () => {
    // A notify that decrements but forgets to count its association: still L notifies in all.
    const forgetful = bent('forgetful', {
      flowDeleteNotify: {
        decrement: ({ driver, id }) =>
          done(
            updateFlow(interlockedDecrement(driver, id).driver, id, (f) => ({
              ...f,
              notifies: f.notifies - 1,
            })),
          ),
      },
    });
    expect(count(after('e1 r1', forgetful), 'flowDeleteNotify(1)')).toBe(4);
  });

  it('gives notifies only to the flows that had ended when its notifies began', () => {
    // A notify of flow 1 that writes a terminal status on flow 2: flow 2 was live, so it gets none.
    const stray = bent('stray', {
      flowDeleteNotify: {
        decrement: ({ driver, id }) =>
          done(
            updateFlow(interlockedDecrement(driver, id).driver, flowId(2), (f) => ({
              ...f,
              status: 'fin',
            })),
          ),
      },
    });
    const start = after('e1 e2 r1', stray);
    expect([count(start, 'flowDeleteNotify(1)'), count(start, 'flowDeleteNotify(2)')]).toEqual([
      4, 0,
    ]);
  });
});
