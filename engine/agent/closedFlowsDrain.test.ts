/**
 * The closed-flows-ready goroutine in its two steps: the read that empties `closedFlows` into the
 * drain, and the stores, one held record at a time, into every registered client.
 */
import { describe, expect, it } from 'vitest';
import { original } from '../driver/variants/original.js';
import type { EngineState } from '../EngineState.js';
import { flowId } from '../events.js';
import { seqStates } from '../seq.js';
import { drainRead, drainStore } from './closedFlowsDrain.js';
import { getClient } from './networkState.js';
import { prefix } from './variants/prefix.js';

const after = (text: string): EngineState =>
  seqStates({ driver: original, agent: prefix, layers: 4, clients: 1 }, text).at(-1)!;

/** The flows whose records the drain holds, or null when no drain is part-way through. */
const held = (s: EngineState) => s.drain?.held.map((r) => r.cookie) ?? null;
/** The flows client 1 has in its closed buffer. */
const stored = (s: EngineState) => getClient(s.agent, '1')?.closed.conns.map((c) => c.cookie);

// Flows 1 and 2 reset and fully notified: both wait in closedFlows.
const TWO_CLOSED = 'e1 e2 r1 fd1*4 r2 fd2*4';

describe('closed-flows drain', () => {
  it('reads an empty closed table as no drain at all', () => {
    const s = drainRead(after('e1'));
    expect([s.drain, s.driver.closedFlows]).toEqual([null, []]);
  });

  it('holds every record the read returned and empties closedFlows, storing nothing yet', () => {
    const s = drainRead(after(TWO_CLOSED));
    expect([held(s), s.driver.closedFlows, stored(s)]).toEqual([[1, 2], [], []]);
  });

  it("stores the named flow's record and keeps holding the others", () => {
    const s = drainStore(drainRead(after(TWO_CLOSED)), flowId(2));
    expect([held(s), stored(s)]).toEqual([[1], [2]]);
  });

  it('stores the first held record when no flow is named, and ends with the last one', () => {
    const first = drainStore(drainRead(after(TWO_CLOSED)));
    const last = drainStore(first);
    expect([held(first), stored(first)]).toEqual([[2], [1]]);
    expect([last.drain, stored(last)]).toEqual([null, [1, 2]]);
  });

  it('leaves the state as it is when it holds no record of the flow, or holds nothing', () => {
    const read = drainRead(after(TWO_CLOSED));
    const idle = after('e1');
    expect(drainStore(read, flowId(3))).toBe(read);
    expect(drainStore(idle)).toBe(idle);
    expect(drainStore(idle, flowId(1))).toBe(idle);
  });
});
