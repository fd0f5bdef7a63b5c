/**
 * What the poll's `readClosed` reads of a group member that is not in `closedFlows`: none of its
 * driver state but whether it is stranded (ended, in `openFlows`, its last delete notification
 * done: `windows_lingering_flows`' telemetry), and none of its budget. `pollStub` writes the rest
 * in one form, so that group states that differ only there share one run of the engine;
 * `unstub` puts it back into the result (the read changed none of it).
 *
 * Leaves out: members in `closedFlows`, whose driver state the read changes (kept as they are).
 */
import { newFlow } from '../engine/driver/flow.js';
import type { Flow } from '../engine/driver/flow.js';
import type { FlowId } from '../engine/events.js';
import type { LocalState, MemberState } from './LocalState.js';

const STUB_STEP = { step: '-', seen: 0, flag: false, attempt: 0 };

/** The driver state of a flow the read does not touch, in one form. */
function stubFlow(f: Flow, layers: number): Flow {
  return {
    ...newFlow(1 as FlowId, layers, 1),
    status: f.status,
    flowClosed: f.flowClosed,
    sentBytes: f.sentBytes,
    notifies: f.notifies >= layers ? layers : 0,
    notify: f.notify === null ? null : STUB_STEP,
    lowestRefCount: 0,
  };
}

/** The read does not touch this member's driver state (a member's own share: member 0). */
const untouched = (m: LocalState): boolean => m.closed.length === 0;

/**
 * A member's own share with the state the read does not look at written in one form.
 *
 * @example
 * localKey(pollStub(a, 4)) === localKey(pollStub(b, 4)) //=> true when a and b differ only in an open flow's refCount
 */
export function pollStub(s: LocalState, layers: number): LocalState {
  const m = s.members[0] as MemberState;
  if (!untouched(s) || m.flow === null) return s;
  return { ...s, members: [{ ...m, flow: stubFlow(m.flow, layers), entered: 0, traffic: 0 }] };
}

/**
 * `after` (a member's share after a read of its stub) with `before`'s own state put back (its
 * byte counter keeps its rank in `after`).
 */
export function unstub(after: LocalState, before: LocalState): LocalState {
  const a = after.members[0] as MemberState;
  const b = before.members[0] as MemberState;
  if (!untouched(before) || b.flow === null || a.flow === null) return after;
  return {
    ...after,
    members: [
      {
        ...a,
        flow: { ...b.flow, sentBytes: a.flow.sentBytes },
        entered: b.entered,
        traffic: b.traffic,
      },
    ],
  };
}
