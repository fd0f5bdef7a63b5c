/**
 * The explorer's abstraction keeps what decisions and invariants can tell apart, and nothing else:
 * byte counts become ranks (per flow, over every record it holds), ghost counters are capped at
 * their thresholds, a spent callout budget is forgotten once no callout can enter, a session of an
 * expired client is dropped, and a group's empty closed records are kept in one order.
 */
import { describe, expect, it } from 'vitest';
import { connection, cookie } from '../engine/agent/ConnectionStats.js';
import { counters } from '../engine/agent/statCounters.js';
import { newFlow } from '../engine/driver/flow.js';
import { flowId } from '../engine/events.js';
import { normaliseLocal } from './abstraction.js';
import type { LocalState, MemberState } from './LocalState.js';
import { absentGroup, ABSENT_MEMBER, localKey } from './LocalState.js';
import { renameMembers } from './renameMembers.js';

const flow = newFlow(flowId(1), 4);
const one = (m: Partial<MemberState>, s: Partial<LocalState> = {}): LocalState => ({
  ...absentGroup(1, true),
  members: [{ ...ABSENT_MEMBER, ...m }],
  ...s,
});
const local = (sentBytes: number, base: number | null) =>
  one(
    {
      flow: { ...flow, sentBytes },
      baseline:
        base === null
          ? null
          : { counters: counters({ sentBytes: base, tcpEstablished: 1 }), failures: {} },
    },
    { open: [0] },
  );
const norm = (s: LocalState) => normaliseLocal(s, 4, 1);

describe('normaliseLocal', () => {
  it('keeps only whether bytes moved since the baseline', () => {
    const moved = (s: number, b: number) => localKey(norm(local(s, b)));
    expect(moved(30, 20)).toBe(moved(1000, 10));
    expect(moved(20, 20)).toBe(moved(500, 500));
    expect(moved(30, 20)).not.toBe(moved(20, 20));
    expect(norm(local(30, 20)).members[0]?.flow?.sentBytes).toBe(2);
  });

  it('keeps zero apart from any positive count', () => {
    expect(localKey(norm(local(0, null)))).not.toBe(localKey(norm(local(10, null))));
  });

  it('ranks a held or buffered record with its own flow only', () => {
    const rec = (bytes: number) => ({
      member: 0,
      record: connection({
        cookie: cookie(0),
        tuple: '',
        monotonic: counters({ sentBytes: bytes }),
      }),
    });
    const s = norm(one({ flow: { ...flow, sentBytes: 30 } }, { held: [rec(20)] }));
    expect([s.members[0]?.flow?.sentBytes, s.held[0]?.record.monotonic.sentBytes]).toEqual([2, 1]);
  });

  it('caps the ghost counters at the thresholds their invariants read', () => {
    const n = norm(
      one({ flow: { ...flow, closedReads: 5, accessesAfterFree: 3, lowestRefCount: 4 } }),
    );
    expect(n.members[0]?.flow).toMatchObject({
      closedReads: 2,
      accessesAfterFree: 1,
      lowestRefCount: 0,
    });
    expect(
      norm(one({ flow: { ...flow, lowestRefCount: -3 } })).members[0]?.flow?.lowestRefCount,
    ).toBe(-1);
  });

  it('caps what a flow shipped in a session at 2, and drops the session of an expired client', () => {
    const shipped = { closes: 5, failures: 0 };
    expect(norm(one({ flow, ended: true, shipped })).members[0]).toMatchObject({
      ended: true,
      shipped: { closes: 2, failures: 0 },
    });
    expect(
      norm(one({ flow, ended: true, shipped }, { registered: false })).members[0],
    ).toMatchObject({
      ended: false,
      shipped: null,
    });
    expect(norm(one({ flow, shipped: { closes: 0, failures: 0 } })).members[0]?.shipped).toBeNull();
  });

  it('forgets the callout budget once the engine refuses every calloutEnter', () => {
    const entered = (notifies: number) =>
      normaliseLocal(one({ flow: { ...flow, notifies }, entered: 0 }), 4, 2).members[0]?.entered;
    expect([entered(4), entered(3)]).toEqual([2, 0]);
  });
});

describe('renameMembers', () => {
  it('renumbers the members and every order that names them', () => {
    const s: LocalState = { ...absentGroup(2, true), open: [1, 0], closed: [1] };
    expect(renameMembers(s, [1, 0])).toMatchObject({ open: [0, 1], closed: [0] });
  });
});
