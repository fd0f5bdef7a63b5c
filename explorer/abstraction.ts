/**
 * The abstraction the explorer stores instead of the engine state, and why it is exact: two
 * states with the same abstraction enable the same events, lead to states with the same
 * abstraction, and get the same verdict from every invariant. Each rule below keeps exactly what
 * some decision or some invariant can tell apart.
 *
 * A1 Bytes. The agent only compares byte counters with each other and with 0 (`Sub`'s underflow
 *    test, `Max`, `IsZero`, `IsEmpty`); `Last = cur − prev` ships but is only tested for zero (the
 *    filter, ShippedNotEmpty) and against `Monotonic` (NoUnderflowLeak: 0 ≤ cur − prev ≤ cur for
 *    any 0 ≤ prev ≤ cur); traffic adds a positive amount; the backend sums closes and failures,
 *    never bytes. So each byte field is replaced by its rank among the values one flow holds (its
 *    counter, the poll's captured record, the client's baseline, and 0): every comparison, hence
 *    every decision and verdict, is kept. What is left is "moved or not since the client's last
 *    read" (and since the captured read, while a poll is part-way).
 * A2 Ghosts. `closedReads`, `accessesAfterFree` and `lowestRefCount` are history for the
 *    invariants (no step reads them). Each is read through one threshold (`> 1`, `=== 0`, `>= 0`)
 *    and only moves one way, so capped at the threshold it gives the same verdict now and later.
 * A3 Budget. `entered` counts calloutEnter events against `C`; once the flow has begun its `L`
 *    notifications and none is in flight the engine refuses every calloutEnter for good, so it is
 *    set to `C` there.
 * A4 Orders (LocalState.ts): tables, baselines and the poll's records are kept as per-flow
 *    membership, since the agent handles each record by cookie and the invariants sort or quantify.
 * A5 lastPoll: no step reads it, and the invariants that read it read beside it only agent state,
 *    which only the same readClosed changes; so their verdict is fixed from one poll to the next.
 *    The explorer judges every readClosed it generates (new state or not), then drops lastPoll.
 * A6 Flow numbers (canonicalise.ts): flows are interchangeable, so with symmetry reduction a state
 *    is the multiset of its local states.
 * A7 Shared counters (invariantScope.ts `SHARED_READS`): no step reads the agent's telemetry or the
 *    re-reports ghost, so shared states are told apart only by what the whole-state invariants
 *    read of them (for TelemetryMatchesSuppressions, one difference), the poll count and phase.
 * A8 Behaviour (minimiseLocals.ts): local states that no verdict, poll result or step tells apart
 *    are merged (strong bisimulation), which keeps every verdict and trace length.
 *
 * A4–A7 are claims about the engine and the invariants as they are; explorer/reference.ts runs
 * the same search on whole engine states without them, and the tests compare the verdicts.
 */
import type { Baseline } from '../engine/agent/AgentVariant.js';
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import type { StatCounters } from '../engine/agent/statCounters.js';
import type { Flow } from '../engine/driver/flow.js';
import type { LocalState } from './LocalState.js';

/** The counters that grow with traffic, whose values are replaced by their ranks (A1). */
export const VOLUME_FIELDS = ['sentBytes', 'recvBytes', 'sentPackets', 'recvPackets'] as const;

type Volume = (typeof VOLUME_FIELDS)[number];

/** Value → rank among `values` and 0 (0 keeps rank 0). */
function ranks(values: readonly number[]): Map<number, number> {
  const sorted = [...new Set([0, ...values])].sort((a, b) => a - b);
  if ((sorted[0] ?? 0) < 0) throw new RangeError(`explorer: a negative byte count ${sorted[0]}`);
  return new Map(sorted.map((v, i) => [v, i]));
}

const rankCounters = (
  c: StatCounters,
  byField: ReadonlyMap<Volume, Map<number, number>>,
): StatCounters => {
  const out: Record<string, number> = { ...c };
  for (const f of VOLUME_FIELDS) out[f] = byField.get(f)?.get(c[f]) ?? c[f];
  return out as unknown as StatCounters;
};

/** A2: the ghost counters capped at the threshold their invariant reads. */
const capGhosts = (flow: Flow): Flow => ({
  ...flow,
  closedReads: Math.min(flow.closedReads, 2),
  accessesAfterFree: Math.min(flow.accessesAfterFree, 1),
  lowestRefCount: flow.lowestRefCount < 0 ? -1 : 0,
});

/**
 * Applies A1–A3 to one flow's share.
 *
 * @example
 * normaliseLocal({ ...s, flow: { ...flow, sentBytes: 30 }, baseline: { ...b, counters: { ...c, sentBytes: 20 } } }, 4, 1)
 * //=> flow.sentBytes 2, baseline sentBytes 1: moved since the last read
 */
export function normaliseLocal(s: LocalState, layers: number, callouts: number): LocalState {
  const byField = new Map<Volume, Map<number, number>>();
  for (const f of VOLUME_FIELDS) {
    const values: number[] = [];
    if (f === 'sentBytes' && s.flow !== null) values.push(s.flow.sentBytes);
    if (s.captured !== null) values.push(s.captured.monotonic[f]);
    if (s.baseline !== null) values.push(s.baseline.counters[f]);
    byField.set(f, ranks(values));
  }
  const sent = byField.get('sentBytes') as Map<number, number>;
  const flow =
    s.flow === null ? null : capGhosts({ ...s.flow, sentBytes: sent.get(s.flow.sentBytes) ?? 0 });
  const captured: ConnectionStats | null =
    s.captured === null
      ? null
      : {
          ...s.captured,
          monotonic: rankCounters(s.captured.monotonic, byField),
          last: rankCounters(s.captured.last, byField),
        };
  const baseline: Baseline | null =
    s.baseline === null
      ? null
      : { ...s.baseline, counters: rankCounters(s.baseline.counters, byField) };
  // A3: no association left and no notify in flight: the engine refuses calloutEnter for good.
  const entered =
    flow !== null && flow.notifies >= layers && flow.notify === null ? callouts : s.entered;
  return { ...s, flow, captured, baseline, entered };
}
