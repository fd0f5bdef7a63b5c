/**
 * The explorer's abstraction keeps what decisions and invariants can tell apart, and nothing else:
 * byte counts become ranks, ghost counters are capped at their thresholds, a spent callout budget
 * is forgotten once no callout can enter.
 */
import { describe, expect, it } from 'vitest';
import { counters } from '../engine/agent/statCounters.js';
import { newFlow } from '../engine/driver/flow.js';
import { flowId } from '../engine/events.js';
import { normaliseLocal } from './abstraction.js';
import { ABSENT, localKey } from './LocalState.js';

const flow = newFlow(flowId(1), 4);
const local = (sentBytes: number, base: number | null) => ({
  ...ABSENT,
  flow: { ...flow, sentBytes },
  inOpen: true,
  baseline:
    base === null
      ? null
      : { counters: counters({ sentBytes: base, tcpEstablished: 1 }), failures: {} },
});

describe('normaliseLocal', () => {
  it('keeps only whether bytes moved since the baseline', () => {
    const moved = (s: number, b: number) => localKey(normaliseLocal(local(s, b), 4, 1));
    expect(moved(30, 20)).toBe(moved(1000, 10));
    expect(moved(20, 20)).toBe(moved(500, 500));
    expect(moved(30, 20)).not.toBe(moved(20, 20));
    expect(normaliseLocal(local(30, 20), 4, 1).flow?.sentBytes).toBe(2);
  });

  it('keeps zero apart from any positive count', () => {
    expect(localKey(normaliseLocal(local(0, null), 4, 1))).not.toBe(
      localKey(normaliseLocal(local(10, null), 4, 1)),
    );
  });

  it('caps the ghost counters at the thresholds their invariants read', () => {
    const n = normaliseLocal(
      { ...ABSENT, flow: { ...flow, closedReads: 5, accessesAfterFree: 3, lowestRefCount: 4 } },
      4,
      1,
    );
    expect(n.flow).toMatchObject({ closedReads: 2, accessesAfterFree: 1, lowestRefCount: 0 });
    expect(
      normaliseLocal({ ...ABSENT, flow: { ...flow, lowestRefCount: -3 } }, 4, 1).flow
        ?.lowestRefCount,
    ).toBe(-1);
  });

  it('forgets the callout budget once the engine refuses every calloutEnter', () => {
    expect(
      normaliseLocal({ ...ABSENT, flow: { ...flow, notifies: 4 }, entered: 0 }, 4, 2).entered,
    ).toBe(2);
    expect(
      normaliseLocal({ ...ABSENT, flow: { ...flow, notifies: 3 }, entered: 0 }, 4, 2).entered,
    ).toBe(0);
  });
});
