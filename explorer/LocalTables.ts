/**
 * The explorer's compiled transition relation: every group share it meets is interned to a small
 * number, and what that group can do next is worked out once, by running the engine's own
 * `step()` on a state holding that group alone, then reused for every state the group is part of.
 * The steps that act on every group at once (the poll's half-steps, the drain's read, client
 * expiry and registration) are stepped the same way, one group at a time; the poll's effect on
 * the shared counters is returned beside.
 *
 * Leaves out: nothing of the engine: each entry is one `step()` call on a whole (single-group)
 * engine state. That a group's own step leaves the shared part alone is checked on every entry;
 * that the steps of every group act on each apart is A4 of abstraction.ts.
 */
import type { Environment, EnvironmentFeatures } from '../engine/environment.js';
import { environmentFeatures } from '../engine/environment.js';
import { ZERO_TELEMETRY } from '../engine/agent/AgentTelemetry.js';
import { isEmpty } from '../engine/agent/ConnectionStats.js';
import type { EngineConfig, EngineState, PollResult } from '../engine/EngineState.js';
import type { Event, FlowId } from '../engine/events.js';
import { step } from '../engine/step.js';
import type { Invariant } from '../invariants/Invariant.js';
import type { Budget, ExploreBounds, ExploreConfig } from './bounds.js';
import { engineConfigOf, environmentOf } from './bounds.js';
import { hashText } from './canonicalise.js';
import { renameMembers } from './renameMembers.js';
import { closedOut } from './closedOut.js';
import { flowCandidates, spend } from './enabledEvents.js';
import { GROUP_BASE, GroupTables } from './GroupTables.js';
import { Interned } from './Interned.js';
import { isPerFlow, WHOLE_STATE_READS } from './invariantScope.js';
import type { LocalState } from './LocalState.js';
import { absentGroup, localKey, stableJson } from './LocalState.js';
import type { GroupPlace } from './projectState.js';
import { assembleState, projectGroup } from './projectState.js';
import { SharedTables } from './SharedTables.js';
import { permutations, tableOrders } from './tableOrders.js';
import { tupleGroups, tupleOfFlow } from './tupleGroups.js';

/** One enabled event of a group (written for its members as flows 1, 2, …) and where it leads. */
export interface LocalMove {
  readonly event: Event;
  readonly next: number;
}

/** The poll's `readClosed` for one group (one of its orders). */
export interface PollClose {
  readonly next: number;
  /** Added to the shared counters (SharedTables `delta`; 0 adds nothing). */
  readonly delta: number;
  /** Per-flow invariants violated once the poll has shipped (bit k: `invariants[k]`). */
  readonly violations: number;
  /** The single-group `lastPoll`, for judging whole states. */
  readonly lastPoll: PollResult | null;
}

/** A `readClosed` result with the group share it leads to, before interning. */
export interface CloseResult extends Omit<PollClose, 'next'> {
  readonly after: LocalState;
}

/** What the drain's read means for one group. */
export interface DrainRead {
  /** The group has a flow in `closedFlows` (the read may fire). */
  readonly closed: boolean;
  /** The drain holds records of the group (no read until they are stored). */
  readonly holds: boolean;
  /** A closed flow's lock is held: the read waits. */
  readonly waits: boolean;
  /** The group after the read (itself when it had nothing closed). */
  readonly next: number;
}

const single = (size: number): GroupPlace => ({
  flows: Array.from({ length: size }, (_, j) => (j + 1) as FlowId),
  tuple: 1,
});

/**
 * Interned group shares with their memoised steps and verdicts.
 *
 * @example
 * const t = new LocalTables(config, invariants);
 * t.moves(t.absentOf(1)).map((m) => m.event.type) //=> ['establish']
 */
export class LocalTables {
  readonly engine: EngineConfig;
  readonly environment: Environment;
  readonly features: EnvironmentFeatures;
  readonly shared: SharedTables;
  /** Where each group sits in a whole state, in tuple order. */
  readonly places: readonly GroupPlace[];
  /** Bit k of every verdict mask is `invariants[k]`; only the per-flow ones are judged here. */
  readonly invariants: readonly Invariant[];
  /** Some whole-state invariant reads `lastPoll` (it does not say what it reads: invariantScope.ts). */
  readonly readsLastPoll: boolean;
  private readonly locals = new Interned<LocalState>(localKey);
  /** Groups of several flows (their numbers start at GROUP_BASE). */
  readonly groups: GroupTables;
  private readonly hashes: [number, number][] = [];
  private readonly totalsMemo = new Map<string, number>();
  private canonOf: Int32Array | null = null;
  private readonly memo = {
    moves: [] as (readonly LocalMove[] | undefined)[],
    open: [] as (readonly number[] | undefined)[],
    close: [] as (readonly PollClose[] | null | undefined)[],
    drain: [] as (DrainRead | undefined)[],
    churn: [] as (number | undefined)[],
    safety: [] as (number | undefined)[],
    quiescence: [] as (number | undefined)[],
  };
  private readonly canonMemo = {
    moves: [] as (readonly LocalMove[] | undefined)[],
    open: [] as (readonly number[] | undefined)[],
    close: [] as (readonly PollClose[] | null | undefined)[],
    drain: [] as (DrainRead | undefined)[],
  };

  constructor(
    readonly config: ExploreConfig,
    invariants: readonly Invariant[],
    readonly symmetry = true,
  ) {
    this.engine = engineConfigOf(config);
    this.environment = environmentOf(config);
    this.features = environmentFeatures(this.environment);
    if (invariants.length > 31) throw new RangeError('explorer: at most 31 invariants');
    this.invariants = invariants;
    this.readsLastPoll = invariants.some(
      (inv) => !isPerFlow(inv) && WHOLE_STATE_READS[inv.name] === undefined,
    );
    this.shared = new SharedTables(invariants);
    this.groups = new GroupTables(this, symmetry);
    this.places = tupleGroups(config).map((flows) => ({
      flows: flows as FlowId[],
      tuple: tupleOfFlow(config.bounds, flows[0] as number, this.environment),
    }));
  }

  /** The group of `size` flows none of which is established yet, client 1 registered. */
  absentOf(size: number): number {
    return this.intern(absentGroup(size, true));
  }

  /** The content hash of local state `i` (the same in every run). */
  localHash(i: number): readonly [number, number] {
    if (i >= GROUP_BASE) return this.groups.hash(i);
    let h = this.hashes[i];
    if (h === undefined) {
      h = hashText(this.locals.keys[i] as string);
      this.hashes[i] = h;
    }
    return h;
  }

  /** How many local states of one flow have been met. */
  get localCount(): number {
    return this.locals.values.length;
  }

  /** Interns a group share (already normalised); returns its representative. */
  intern(s: LocalState): number {
    return s.members.length > 1 ? this.groups.fromLocal(s) : this.canon(this.locals.intern(s));
  }

  /** Interns a group share as it is (never replaced by its class: the raw tables' results). */
  private internAsIs(s: LocalState): number {
    return s.members.length > 1 ? this.groups.fromLocal(s) : this.locals.intern(s);
  }

  /** Interns the share of one flow as it is (a group's member: never merged). */
  internRaw(s: LocalState): number {
    return this.locals.intern(s);
  }

  /** The interning key of the local state of one flow numbered `i`. */
  keyOf(i: number): string {
    return this.locals.keys[i] as string;
  }

  /** The group share numbered `i`. */
  local(i: number): LocalState {
    return i >= GROUP_BASE ? this.groups.view(i) : this.locals.get(i);
  }

  /** The number of flows in group share `i`. */
  size(i: number): number {
    return i >= GROUP_BASE ? this.groups.size(i) : 1;
  }

  /** A whole engine state holding only the group in local state `s`, its members flows 1, 2, …. */
  single(s: LocalState): EngineState {
    return assembleState(this.engine, [{ local: s, place: single(s.members.length) }], {
      polls: 0,
      polling: s.polling,
      registered: s.registered,
      telemetry: ZERO_TELEMETRY,
      reReports: 0,
    });
  }

  /** The bounds of a group of `size` flows stepped alone: one tuple, the same budgets. */
  private singleBounds(size: number): ExploreBounds {
    return {
      ...this.config.bounds,
      flows: size,
      tuples: 1,
      tupleOf: new Array<number>(size).fill(1),
    };
  }

  /** The share of `state` (a single-group state like `from`'s), interned as it is. */
  private project(state: EngineState, from: LocalState, budgetOf = budgetOfLocal(from)): number {
    return this.internAsIs(
      projectGroup(state, single(from.members.length), budgetOf, this.config.bounds),
    );
  }

  /** Local state `i`'s representative: itself, or after {@link useClasses} its class's. */
  canon(i: number): number {
    if (this.canonOf === null || i >= GROUP_BASE) return i;
    const c = this.canonOf[i];
    if (c === undefined)
      throw new Error(`explorer: local state ${i} lies outside the minimised closure`);
    return c;
  }

  /** How many own steps local state `i` has (its own events, up to their targets). */
  moveCount(i: number): number {
    return i >= GROUP_BASE ? this.groups.moveCount(i) : this.moves(i).length;
  }

  /** The local state own step `m` of local state `i` leads to. */
  moveTarget(i: number, m: number): number {
    return i >= GROUP_BASE ? this.groups.moveTarget(i, m) : (this.moves(i)[m] as LocalMove).next;
  }

  /** The own events enabled in local state `i` of one flow, each with the local state it leads to. */
  moves(i: number): readonly LocalMove[] {
    if (i >= GROUP_BASE)
      throw new Error('explorer: moves() of a group of several flows (use moveTarget)');
    if (this.canonOf === null) return this.rawMoves(i);
    let memo = this.canonMemo.moves[i];
    if (memo === undefined) {
      // Two events into one class lead to the same state: one of them is enough.
      const seen = new Set<number>();
      memo = this.rawMoves(i).flatMap((m) => {
        const next = this.canon(m.next);
        if (seen.has(next)) return [];
        seen.add(next);
        return [{ event: m.event, next }];
      });
      this.canonMemo.moves[i] = memo;
    }
    return memo;
  }

  /** The poll's `readOpen` seen by a group in local state `i`: one result per order that matters. */
  pollOpen(i: number): readonly number[] {
    if (i >= GROUP_BASE) return this.groups.pollOpen(i);
    if (this.canonOf === null) return this.rawOpen(i);
    let memo = this.canonMemo.open[i];
    if (memo === undefined) {
      memo = [...new Set(this.rawOpen(i).map((n) => this.canon(n)))];
      this.canonMemo.open[i] = memo;
    }
    return memo;
  }

  /** The poll's `readClosed` for a group in local state `i`, one per order; null while it waits. */
  pollClose(i: number): readonly PollClose[] | null {
    if (i >= GROUP_BASE) return this.groups.pollClose(i);
    if (this.canonOf === null) return this.rawClose(i);
    let memo = this.canonMemo.close[i];
    if (memo === undefined) {
      const c = this.rawClose(i);
      memo =
        c === null
          ? null
          : distinctCloses(
              c.map((x) => ({ ...x, next: this.canon(x.next) })),
              this.readsLastPoll,
            );
      this.canonMemo.close[i] = memo;
    }
    return memo;
  }

  /** The drain's read as local state `i` sees it. */
  drainRead(i: number): DrainRead {
    if (i >= GROUP_BASE) return this.groups.drainRead(i);
    if (this.canonOf === null) return this.rawDrain(i);
    let memo = this.canonMemo.drain[i];
    if (memo === undefined) {
      const d = this.rawDrain(i);
      memo = { ...d, next: this.canon(d.next) };
      this.canonMemo.drain[i] = memo;
    }
    return memo;
  }

  /** Local state `i` after client 1 expires (registered) or registers again (expired). */
  churn(i: number): number {
    return i >= GROUP_BASE ? this.groups.churn(i) : this.canon(this.memberChurn(i));
  }

  /** The churn of the share of one flow `i`, as it is (GroupTables.ts composes members' steps). */
  memberChurn(i: number): number {
    let next = this.memo.churn[i];
    if (next === undefined) {
      const s = this.local(i);
      const event: Event = s.registered
        ? { type: 'clientExpire', client: 1 }
        : { type: 'clientRegister', client: 1 };
      next = this.project(this.stepShared(s, event), s);
      this.memo.churn[i] = next;
    }
    return next;
  }

  /** The own steps of the share of one flow `i`, as they are. */
  memberMoves(i: number): readonly LocalMove[] {
    return this.rawMoves(i);
  }

  /** The `readOpen` of the share of one flow `i`, as it is. */
  memberOpen(i: number): number {
    return only(this.rawOpen(i));
  }

  /** The drain's read of the share of one flow `i`, as it is. */
  memberDrain(i: number): DrainRead {
    return this.rawDrain(i);
  }

  /** The `readClosed` of the share of one flow `i` (its totals its tuple's), as it is. */
  memberClose(i: number): readonly PollClose[] | null {
    return this.rawClose(i);
  }

  /** The only result of a poll half-step that has one (a group of one flow). */
  pollOpenOne(i: number): number {
    return only(this.pollOpen(i));
  }

  /** The only `readClosed` result of a group of one flow, or null while it waits. */
  pollCloseOne(i: number): PollClose | null {
    const c = this.pollClose(i);
    return c === null ? null : only(c);
  }

  private rawMoves(i: number): readonly LocalMove[] {
    const memo = this.memo.moves[i];
    if (memo !== undefined) return memo;
    const s = this.local(i);
    const state = this.single(s);
    const budget = budgetOfLocal(s);
    const bounds = this.singleBounds(s.members.length);
    const candidates: Event[] = [];
    for (let j = 1; j <= s.members.length; j++)
      candidates.push(...flowCandidates(state, j as FlowId, budget, bounds, this.environment));
    if (this.features.asyncDrain)
      for (const j of new Set(s.held.map((e) => e.member)))
        candidates.push({ type: 'drain', step: 'store', flow: (j + 1) as FlowId });
    const out: LocalMove[] = [];
    for (const event of candidates) {
      const r = step(state, event);
      if (!r.ok) continue;
      checkOwn(state, r.value, event);
      out.push({ event, next: this.project(r.value, s, spend(budget, event)) });
    }
    this.memo.moves[i] = out;
    return out;
  }

  private rawOpen(i: number): readonly number[] {
    const memo = this.memo.open[i];
    if (memo !== undefined) return memo;
    const s = this.local(i);
    const state = this.single(s);
    const out = new Set<number>();
    for (const order of this.orders(state.driver.openFlows)) {
      const e: Event = {
        type: 'poll',
        step: 'readOpen',
        ...(order === undefined ? {} : { order }),
      };
      out.add(this.project(this.stepShared(s, e, state), s));
    }
    const list = [...out];
    this.memo.open[i] = list;
    return list;
  }

  private orders(table: readonly FlowId[]): (readonly FlowId[] | undefined)[] {
    return this.features.anyOrder ? tableOrders(table, () => 1) : [undefined];
  }

  /** `step()` of an event every group takes part in; it must be accepted and add no counter. */
  private stepShared(s: LocalState, e: Event, state = this.single(s)): EngineState {
    const r = step(state, e);
    if (!r.ok) throw new Error(`explorer: ${e.type} refused: ${r.error.message}`);
    if (e.type !== 'poll' || e.step !== 'readClosed') checkOwn(state, r.value, e, true);
    return r.value;
  }

  private rawClose(i: number): readonly PollClose[] | null {
    let memo = this.memo.close[i];
    if (memo === undefined) {
      memo = this.closesOf(this.local(i));
      this.memo.close[i] = memo;
    }
    return memo;
  }

  /** The `readClosed` of group share `s`, one result per order; null while it waits. */
  closesOf(s: LocalState): readonly PollClose[] | null {
    const results = this.closeResultsOf(s);
    if (results === null) return null;
    const out = results.map((r) => ({ ...r, next: this.internAsIs(r.after) }));
    return distinctCloses(
      out.map(({ after: _after, ...c }) => c),
      this.readsLastPoll,
    );
  }

  /** The `readClosed` of group share `s` as the shares it leads to (not interned), one per order. */
  closeResultsOf(s: LocalState): CloseResult[] | null {
    const state = this.single(s);
    const out: CloseResult[] = [];
    for (const order of this.orders(state.driver.closedFlows)) {
      const c = this.closeWith(s, order);
      // A closed flow's lock is held: the read waits, in any order.
      if (c === null) return null;
      // A4: the order of one tuple's empty closed records is never read.
      const swapped = emptiesReversed(s);
      if (swapped !== null && !sameClose(c, this.closeWith(swapped, order)))
        throw new Error(
          'explorer: the order of empty closed records changed a poll (abstraction.ts A4)',
        );
      out.push(c);
    }
    return out;
  }

  private closeWith(s: LocalState, order: readonly FlowId[] | undefined): CloseResult | null {
    const e: Event = {
      type: 'poll',
      step: 'readClosed',
      ...(order === undefined ? {} : { order }),
    };
    const r = step(this.single(s), e);
    if (!r.ok) return null;
    const after = r.value;
    return {
      after: projectGroup(after, single(s.members.length), budgetOfLocal(s), this.config.bounds),
      delta: this.shared.delta({
        telemetry: after.agent.telemetry,
        reReports: after.reReportsWithFailures,
      }),
      violations: this.judge(after, 'everyStep'),
      lastPoll: after.lastPoll,
    };
  }

  private rawDrain(i: number): DrainRead {
    let d = this.memo.drain[i];
    if (d === undefined) {
      const s = this.local(i);
      const closed = s.closed.length > 0;
      const holds = s.held.length > 0;
      d = { closed, holds, waits: false, next: i };
      if (this.features.asyncDrain && closed && !holds) {
        const state = this.single(s);
        const r = step(state, { type: 'drain', step: 'read' });
        if (r.ok) checkOwn(state, r.value, { type: 'drain', step: 'read' }, true);
        d = r.ok ? { ...d, next: this.project(r.value, s) } : { ...d, waits: true };
      }
      this.memo.drain[i] = d;
    }
    return d;
  }

  /** Per-flow safety invariants violated by local state `i` (between polls). */
  safety(i: number): number {
    if (i >= GROUP_BASE) return this.groups.safety(i);
    let v = this.memo.safety[i];
    if (v === undefined) {
      v = this.judge(this.single(this.local(i)), 'everyStep');
      this.memo.safety[i] = v;
    }
    return v;
  }

  /**
   * Per-flow quiescence invariants violated once local state `i` is closed out; under symmetry,
   * for some numbering of its members (the close-out reads flow numbers: abstraction.ts A6).
   */
  quiescence(i: number): number {
    if (i >= GROUP_BASE) return this.groups.quiescence(i);
    let v = this.memo.quiescence[i];
    if (v === undefined) {
      v = this.quiescenceOf(this.local(i));
      this.memo.quiescence[i] = v;
    }
    return v;
  }

  /** {@link quiescence} of group share `s`. */
  quiescenceOf(s: LocalState): number {
    const m = s.members.length;
    const numberings = this.symmetry
      ? permutations(Array.from({ length: m }, (_, j) => j))
      : [null];
    let bits = 0;
    for (const perm of numberings) {
      const named = perm === null ? s : renameMembers(s, perm);
      const verdict = this.closedOutVerdict(named);
      const swapped = emptiesReversed(named);
      if (swapped !== null && this.closedOutVerdict(swapped) !== verdict)
        throw new Error(
          'explorer: the order of empty closed records changed a close-out (abstraction.ts A4)',
        );
      bits |= verdict;
    }
    return bits;
  }

  /** Per-flow safety invariants violated by a tuple's backend totals alone. */
  totalsSafety(totals: LocalState['totals']): number {
    if (totals === null) return 0;
    const key = `${totals.closes},${totals.failures}`;
    let v = this.totalsMemo.get(key);
    if (v === undefined) {
      v = this.judge(this.single({ ...absentGroup(1, true), totals }), 'everyStep');
      this.totalsMemo.set(key, v);
    }
    return v;
  }

  private closedOutVerdict(s: LocalState): number {
    return this.judge(closedOut(this.engine, this.single(s)), 'quiescence');
  }

  private judge(state: EngineState, when: Invariant['when']): number {
    let bits = 0;
    this.invariants.forEach((inv, k) => {
      if (isPerFlow(inv) && inv.when === when && !inv.check(state).ok) bits |= 1 << k;
    });
    return bits;
  }

  /**
   * Replaces every local state by a representative of its class of behaviourally equivalent
   * states (minimiseLocals.ts); `canon` maps each local state met so far to its representative.
   */
  useClasses(canonOf: Int32Array): void {
    this.canonOf = canonOf;
  }

  /**
   * Where the groups in `locals[0..n)` sit in a whole state: each at a tuple group of its size
   * (under symmetry any one will do: A6).
   */
  placesOf(locals: ArrayLike<number>, n: number): GroupPlace[] {
    const used = new Array<boolean>(this.places.length).fill(false);
    const out: GroupPlace[] = [];
    for (let j = 0; j < n; j++) {
      const size = this.size(locals[j] as number);
      const k = this.places.findIndex((p, q) => !used[q] && p.flows.length === size);
      if (k < 0) throw new Error(`explorer: no group of ${size} flows is left for a local state`);
      used[k] = true;
      out.push(this.places[k] as GroupPlace);
    }
    return out;
  }
}

/** Each member's budget, as the engine's per-flow arrays for flows 1, 2, …. */
function budgetOfLocal(s: LocalState): Budget {
  return {
    entered: [0, ...s.members.map((m) => m.entered)],
    traffic: [0, ...s.members.map((m) => m.traffic)],
  };
}

/** A group's own step changes nothing shared; a shared one adds no counter. */
function checkOwn(before: EngineState, after: EngineState, e: Event, shared = false): void {
  const same =
    after.agent.telemetry === before.agent.telemetry &&
    after.reReportsWithFailures === before.reReportsWithFailures &&
    after.polls === before.polls &&
    (shared ||
      (after.poll === before.poll && after.agent.clients.length === before.agent.clients.length));
  if (!same) throw new Error(`explorer: ${e.type} changed more than its group's share`);
}

/** The share with its empty closed records in the other order, or null with fewer than two. */
function emptiesReversed(s: LocalState): LocalState | null {
  const full = s.buffer.filter((e) => !isEmpty(e.record));
  const empties = s.buffer.filter((e) => isEmpty(e.record));
  return empties.length < 2 ? null : { ...s, buffer: [...full, ...empties.reverse()] };
}

function sameClose(a: CloseResult, b: CloseResult | null): boolean {
  return (
    b !== null &&
    localKey(a.after) === localKey(b.after) &&
    a.delta === b.delta &&
    a.violations === b.violations
  );
}

/** The results told apart by next state, counters, verdicts and (when read) lastPoll. */
function distinctCloses(cs: readonly PollClose[], readsLastPoll: boolean): PollClose[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = stableJson([c.next, c.delta, c.violations, readsLastPoll ? c.lastPoll : null]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function only<T>(xs: readonly T[]): T {
  if (xs.length !== 1) throw new Error(`explorer: ${xs.length} results where one was expected`);
  return xs[0] as T;
}
