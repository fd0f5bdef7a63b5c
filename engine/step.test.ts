/**
 * The engine's transition for the poll, whole or in its two named steps, and the reasons it
 * refuses one; and the refusals of flow events as `step` reports them.
 */
import { describe, expect, it } from 'vitest';
import { seq, seqStates } from './seq.js';
import { findAgent } from './agent/variants/index.js';
import { findDriver } from './driver/variants/index.js';
import type { EngineState } from './EngineState.js';
import { newEngine } from './EngineState.js';
import { flowId } from './events.js';
import { runEvents } from './run.js';
import { step } from './step.js';

const config = (driver = 'original') => ({
  driver: findDriver(driver)!,
  agent: findAgent('prefix')!,
  layers: 4,
  clients: 1,
});

function after(text: string, driver = 'original'): EngineState {
  return seqStates(config(driver), text).at(-1)!;
}

/** The message of the refusal of the last event of `text`, or 'accepted'. */
function refusal(text: string, driver = 'original'): string {
  const r = runEvents(config(driver), seq(text));
  return r.ok ? 'accepted' : r.error.message;
}

describe('step: the poll', () => {
  it('runs both reads at once when no step is named', () => {
    const s = after('e1 r1 fd1*4 p');
    expect([s.poll, s.polls, s.driver.closedFlows, s.lastPoll?.records.length]).toEqual([
      null,
      1,
      [],
      1,
    ]);
  });

  it('keeps what the open read returned until the closed read', () => {
    const s = after('e1 p.readOpen');
    expect([s.poll?.client, s.poll?.open.map((c) => c.cookie), s.polls]).toEqual([0, [1], 0]);
    expect(after('e1 p.readOpen p.readClosed').polls).toBe(1);
  });

  it('refuses a whole poll while one is between its reads', () => {
    expect(refusal('e1 p.readOpen p')).toBe(
      'events[2] poll: a poll is part-way through (next step: readClosed); name its steps',
    );
  });

  it('refuses a step the poll does not have, naming its steps', () => {
    expect(step(after('e1'), { type: 'poll', step: 'drain' })).toMatchObject({
      ok: false,
      error: { message: 'poll.drain: poll has no step drain (steps: readOpen, readClosed)' },
    });
  });

  it('refuses the steps out of order', () => {
    expect(refusal('p.readClosed')).toBe(
      'events[0] poll.readClosed: the next step of poll is readOpen, got readClosed',
    );
    expect(refusal('p.readOpen p.readOpen')).toBe(
      'events[1] poll.readOpen: the next step of poll is readClosed, got readOpen',
    );
  });

  it('makes the closed read wait while flow-lock holds the lock of a flow in closedFlows', () => {
    const locked = 'e1 r1 fd1*3 fd1.acquire fd1.update';
    expect(refusal(`${locked} p`, 'flow-lock')).toBe(
      'events[7] poll: the closed-table read waits for flow 1 (its lock is held)',
    );
    expect(refusal(`${locked} p.readOpen p.readClosed`, 'flow-lock')).toBe(
      'events[8] poll.readClosed: the closed-table read waits for flow 1 (its lock is held)',
    );
  });

  it('passes over a closedFlows number that names no flow when it looks for a held lock', () => {
    // Only a flow can hold a lock: the number 9 is skipped, and the wait names flow 1.
    const s = after('e1 r1 fd1*3 fd1.acquire fd1.update', 'flow-lock');
    const start: EngineState = {
      ...s,
      driver: { ...s.driver, closedFlows: [flowId(9), ...s.driver.closedFlows] },
    };
    expect(step(start, { type: 'poll' })).toMatchObject({
      ok: false,
      error: { message: 'poll: the closed-table read waits for flow 1 (its lock is held)' },
    });
  });

  it('lets the open read run while the lock is held, and the closed read once it is released', () => {
    const locked = 'e1 r1 fd1*3 fd1.acquire fd1.update';
    expect(after(`${locked} p.readOpen`, 'flow-lock').poll).not.toBeNull();
    expect(
      after(`${locked} p.readOpen fd1.release p.readClosed`, 'flow-lock').driver.closedFlows,
    ).toEqual([]);
  });

  it('does not wait for a locked flow in openFlows', () => {
    expect(after('e1 ce1 cx1.acquire p', 'flow-lock').polls).toBe(1);
  });

  it('does not wait on a driver whose design has no lock', () => {
    expect(after('e1 r1 fd1*4 p').polls).toBe(1);
  });
});

describe('step: flow events', () => {
  it('applies a flow event to the driver and keeps the rest', () => {
    const start = newEngine(config());
    const r = step(start, { type: 'establish', flow: flowId(1) });
    expect(
      r.ok && [r.value.driver.openFlows, r.value.agent === start.agent, r.value.polls],
    ).toEqual([[1], true, 0]);
  });

  it('reports a refused flow event with its label and reason', () => {
    const r = step(newEngine(config()), { type: 'calloutExit', flow: flowId(1) });
    expect(r.ok ? null : [r.error.event, r.error.reason, r.error.index]).toEqual([
      'calloutExit(1)',
      'flow 1 was never established',
      undefined,
    ]);
  });
});
