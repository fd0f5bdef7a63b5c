/**
 * The abstraction the explorer stores instead of the engine state, and why it is exact: two
 * states with the same abstraction enable the same events, lead to states with the same
 * abstraction, and get the same verdict from every invariant. Each rule below keeps exactly what
 * some decision or some invariant can tell apart.
 *
 * A1 Bytes. The agent only compares a flow's byte counters with each other and with 0 (`Sub`'s
 *    underflow test, `Max`, `IsZero`, `IsEmpty`); `Last = cur − prev` ships but is only tested for
 *    zero (the filter, ShippedNotEmpty) and against `Monotonic` (NoUnderflowLeak: 0 ≤ cur − prev ≤
 *    cur for any 0 ≤ prev ≤ cur); traffic adds a positive amount; the backend sums closes and
 *    failures, never bytes. Counters of different flows are never compared: the aggregator of
 *    `GetDelta` (pkg/network/state.go `aggregateConnection.merge`) only sums one tuple's records,
 *    and a sum of parts each with 0 ≤ Last ≤ Monotonic is zero exactly when every part is, and
 *    keeps Last ≤ Monotonic. So each byte field of a member is replaced by its rank among the
 *    values that member holds (its counter, the poll's captured record, the drain's held record,
 *    its closed-buffer record, the client's baseline, and 0): every comparison, hence every
 *    decision and verdict, is kept.
 * A2 Ghosts. `closedReads`, `accessesAfterFree` and `lowestRefCount` are history for the
 *    invariants (no step reads them). Each is read through one threshold (`> 1`, `=== 0`, `>= 0`)
 *    and only moves one way, so capped at the threshold it gives the same verdict now and later.
 *    So are a flow's shipped closes and failures in the client's session: read as `=== 0` and
 *    `=== 1` (closesBefore, CloseReportedOnce, FailureReportedOnce) and growing within a session,
 *    they are capped at 2 (and zeros are no entry, as every reader takes them).
 * A3 Budget. `entered` counts calloutEnter events against `C`; once the flow has begun its `L`
 *    notifications and none is in flight the engine refuses every calloutEnter for good, so it is
 *    set to `C` there.
 * A4 Groups (LocalState.ts). The engine state is the product of one share per tuple group (its
 *    flows' driver records, their relative order in `openFlows` and `closedFlows`, the records the
 *    drain holds, the closed buffer and the poll captured of them, in their relative order, their
 *    baselines and session ghosts, the tuple's backend totals) and a shared part. The agent handles
 *    every record by cookie (`mergeByCookie`, the closed and active passes, `updateConnWithStats`,
 *    `StoreClosedConnection`) except the aggregation, which is by tuple and in each tuple's own
 *    order; the backend sums by tuple. So the order across tuples is never read, nor is the order
 *    of one tuple's empty records in the closed buffer (`IsEmpty` records carry no failure, so
 *    wherever aggregation puts them they keep none: LocalTables.ts checks it on every poll it
 *    computes and stops the search if reversing them changes anything). A flow's own steps and a
 *    drain store touch their group's share only; the poll's half-steps, the drain's read (enabled
 *    when some group has a flow in `closedFlows`, none holds records and no closed flow's lock is
 *    held: docs/environment.md) and client expiry and registration act on every group apart, and
 *    the registration status is carried in every share.
 * A5 lastPoll: no step reads it, and the invariants that read it read nothing else, so their
 *    verdict is fixed from one poll to the next. The explorer judges every readClosed it
 *    generates (new state or not), then drops lastPoll.
 * A6 Symmetry (canonicalise.ts, GroupTables.ts): the flows of one group are interchangeable,
 *    and so are groups of equal size (the environment deals them alike), so with symmetry
 *    reduction a state is the multiset of its groups' shares, each with its members in a
 *    canonical order. The close-out before the quiescence invariants releases and notifies in flow
 *    number order, so quiescence is judged for every numbering of each group's members (all are
 *    reachable at the same depth) and a violation's trace is renumbered to one that fails.
 * A7 Shared counters (invariantScope.ts `SHARED_READS`): no step reads the agent's telemetry or the
 *    re-reports ghost, so shared states are told apart only by what the whole-state invariants
 *    read of them (for TelemetryMatchesSuppressions, one difference), the poll count and phase and
 *    the registration.
 * A8 Behaviour (minimiseLocals.ts): local states that no verdict, poll result or step tells apart
 *    are merged (strong bisimulation), which keeps every verdict and trace length.
 * A9 Sessions: while client 1 is not registered its session is never read (the reported-once
 *    invariants skip it, an end is not recorded in it, a registration or a poll starts a new one:
 *    pkg/network/state.go `RegisterClient`, `getClient`), so it is dropped.
 * A10 Final states: in production client churn is always possible, so a state where nothing but
 *    churn can happen is final (every flow ended and notified, every poll done, the drain idle).
 * A11 Groups of several flows (GroupTables.ts) are each flow's own share (no totals) and the
 *    coupling (Coupling.ts). A flow's own step in the group is its step alone, refused when it is
 *    an establish while another flow of the tuple is live (`applyFlowEvent`'s rule), and it moves
 *    the flow to the end of a table or list it enters; `readOpen`, the drain's read and churn read
 *    each flow's own share only. A `readClosed` takes records (captured, in `closedFlows` or
 *    buffered) of the flows that have them: with one such flow it is that flow's read alone with
 *    the tuple's totals, the others losing only their baselines; with two or more it is the
 *    engine's run on the group, which reads of a flow not in `closedFlows` no driver state but
 *    whether it is stranded (`isStranded`, for `windows_lingering_flows`), so that state is
 *    written in one form for the run and put back after (pollStub.ts).
 *
 * A4–A7, A9 and A11 are claims about the engine and the invariants as they are; explorer/reference.ts
 * runs the same search on whole engine states without them, and the tests compare the verdicts.
 */
import type { Baseline } from '../engine/agent/AgentVariant.js';
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import type { StatCounters } from '../engine/agent/statCounters.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import type { Flow } from '../engine/driver/flow.js';
import { normalBuffer } from './normalBuffer.js';
import type { Entry, LocalState, MemberState } from './LocalState.js';

/** The counters that grow with traffic, whose values are replaced by their ranks (A1). */
const VOLUME_FIELDS = ['sentBytes', 'recvBytes', 'sentPackets', 'recvPackets'] as const;

type Volume = (typeof VOLUME_FIELDS)[number];
type Ranks = ReadonlyMap<Volume, Map<number, number>>;

/** Value → rank among `values` and 0 (0 keeps rank 0). */
function ranks(values: readonly number[]): Map<number, number> {
  const sorted = [...new Set([0, ...values])].sort((a, b) => a - b);
  if ((sorted[0] ?? 0) < 0) throw new RangeError(`explorer: a negative byte count ${sorted[0]}`);
  return new Map(sorted.map((v, i) => [v, i]));
}

const rankCounters = (c: StatCounters, byField: Ranks): StatCounters => {
  const out: Record<string, number> = { ...c };
  for (const f of VOLUME_FIELDS) out[f] = byField.get(f)?.get(c[f]) ?? c[f];
  return out as unknown as StatCounters;
};

const rankRecord = (c: ConnectionStats, byField: Ranks): ConnectionStats => ({
  ...c,
  monotonic: rankCounters(c.monotonic, byField),
  last: rankCounters(c.last, byField),
});

/** A2: the ghost counters capped at the threshold their invariant reads. */
const capGhosts = (flow: Flow): Flow => ({
  ...flow,
  closedReads: Math.min(flow.closedReads, 2),
  accessesAfterFree: Math.min(flow.accessesAfterFree, 1),
  lowestRefCount: flow.lowestRefCount < 0 ? -1 : 0,
});

// Nothing shipped reads as no entry (every reader takes a missing entry as zeros).
const capTotals = (t: ConnectionTotals): ConnectionTotals | null =>
  t.closes === 0 && t.failures === 0
    ? null
    : t.closes <= 2 && t.failures <= 2
      ? t
      : { closes: Math.min(t.closes, 2), failures: Math.min(t.failures, 2) };

/** The byte ranks of member `j`: over every value it holds (A1). */
function memberRanks(s: LocalState, j: number): Ranks {
  const m = s.members[j] as MemberState;
  const own = (es: readonly Entry[]) => es.filter((e) => e.member === j).map((e) => e.record);
  const records = [...own(s.captured), ...own(s.held), ...own(s.buffer)];
  const byField = new Map<Volume, Map<number, number>>();
  for (const f of VOLUME_FIELDS) {
    const values: number[] = [];
    if (f === 'sentBytes' && m.flow !== null) values.push(m.flow.sentBytes);
    for (const r of records) values.push(r.monotonic[f]);
    if (m.baseline !== null) values.push(m.baseline.counters[f]);
    byField.set(f, ranks(values));
  }
  return byField;
}

/** A1–A3 and A9 for one member, given its ranks. */
function normaliseMember(
  m: MemberState,
  byField: Ranks,
  registered: boolean,
  layers: number,
  callouts: number,
): MemberState {
  const sent = byField.get('sentBytes') as Map<number, number>;
  const flow =
    m.flow === null ? null : capGhosts({ ...m.flow, sentBytes: sent.get(m.flow.sentBytes) ?? 0 });
  const baseline: Baseline | null =
    m.baseline === null
      ? null
      : { ...m.baseline, counters: rankCounters(m.baseline.counters, byField) };
  // A3: no association left and no notify in flight: the engine refuses calloutEnter for good.
  const entered =
    flow !== null && flow.notifies >= layers && flow.notify === null ? callouts : m.entered;
  return {
    ...m,
    flow,
    baseline,
    entered,
    ended: registered && m.ended,
    shipped: registered && m.shipped !== null ? capTotals(m.shipped) : null,
  };
}

/**
 * Applies A1–A3, A9 and the closed buffer's normal form (A4) to one group's share (the canonical
 * order of its members, A6, is GroupTables.ts's).
 *
 * @example
 * normaliseLocal({ ...s, members: [{ ...m, flow: { ...flow, sentBytes: 30 }, baseline: { ...b, counters: { ...c, sentBytes: 20 } } }] }, 4, 1)
 * //=> flow.sentBytes 2, baseline sentBytes 1: moved since the last read
 */
export function normaliseLocal(s: LocalState, layers: number, callouts: number): LocalState {
  const rankOf = s.members.map((_, j) => memberRanks(s, j));
  const members = s.members.map((m, j) =>
    normaliseMember(m, rankOf[j] as Ranks, s.registered, layers, callouts),
  );
  const entries = (es: readonly Entry[]) =>
    es.map((e) => ({ member: e.member, record: rankRecord(e.record, rankOf[e.member] as Ranks) }));
  return {
    ...s,
    members,
    held: entries(s.held),
    buffer: normalBuffer(entries(s.buffer)),
    captured: entries(s.captured),
  };
}
