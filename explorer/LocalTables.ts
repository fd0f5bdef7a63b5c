/**
 * The explorer's compiled transition relation: every group share it meets is interned to a small
 * number, and what that group can do next is worked out once, by running the engine's own
 * `step()` on a state holding that group alone, then reused for every state the group is part of.
 * The steps that act on every group at once (the poll's half-steps, the drain's read, client
 * expiry and registration) are stepped the same way, one group at a time; the poll's effect on
 * the shared counters is returned beside. The stepping itself is LocalSteps.ts; this file keeps
 * the tables.
 *
 * Leaves out: nothing of the engine: each entry is one `step()` call on a whole (single-group)
 * engine state. That a group's own step leaves the shared part alone is checked on every entry;
 * that the steps of every group act on each apart is A4 of abstraction.ts.
 */
import type { Environment, EnvironmentFeatures } from '../engine/environment.js';
import { environmentFeatures } from '../engine/environment.js';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event, FlowId } from '../engine/events.js';
import type { Invariant } from '../invariants/Invariant.js';
import type { ExploreConfig } from './bounds.js';
import { engineConfigOf, environmentOf } from './bounds.js';
import { hashText } from './canonicalise.js';
import { distinctCloses } from './distinctCloses.js';
import type { DrainRead } from './DrainRead.js';
import { GROUP_BASE, GroupTables } from './GroupTables.js';
import { Interned } from './Interned.js';
import { isPerFlow, WHOLE_STATE_READS } from './invariantScope.js';
import type { CloseResult } from './LocalSteps.js';
import { LocalSteps } from './LocalSteps.js';
import type { LocalState } from './LocalState.js';
import { absentGroup, localKey } from './LocalState.js';
import type { PollClose } from './PollClose.js';
import type { GroupPlace } from './projectState.js';
import { SharedTables } from './SharedTables.js';
import { tupleGroups, tupleOfFlow } from './tupleGroups.js';

export type { DrainRead } from './DrainRead.js';
export type { PollClose } from './PollClose.js';

/** One enabled event of a group (written for its members as flows 1, 2, …) and where it leads. */
export interface LocalMove {
  readonly event: Event;
  readonly next: number;
}

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
  /** The engine's steps of a share stepped alone, interned as they are. */
  private readonly steps: LocalSteps;
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
    this.steps = new LocalSteps(this, (s) => this.internAsIs(s));
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
      next = this.steps.churn(this.local(i));
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
    const out = this.steps.moves(this.local(i));
    this.memo.moves[i] = out;
    return out;
  }

  private rawOpen(i: number): readonly number[] {
    const memo = this.memo.open[i];
    if (memo !== undefined) return memo;
    const list = this.steps.open(this.local(i));
    this.memo.open[i] = list;
    return list;
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
    return this.steps.closesOf(s);
  }

  /** The `readClosed` of group share `s` as the shares it leads to (not interned), one per order. */
  closeResultsOf(s: LocalState): CloseResult[] | null {
    return this.steps.closeResultsOf(s);
  }

  private rawDrain(i: number): DrainRead {
    let d = this.memo.drain[i];
    if (d === undefined) {
      d = this.steps.drain(this.local(i), i);
      this.memo.drain[i] = d;
    }
    return d;
  }

  /** Per-flow safety invariants violated by local state `i` (between polls). */
  safety(i: number): number {
    if (i >= GROUP_BASE) return this.groups.safety(i);
    let v = this.memo.safety[i];
    if (v === undefined) {
      v = this.steps.safety(this.local(i));
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
    return this.steps.quiescenceOf(s);
  }

  /** Per-flow safety invariants violated by a tuple's backend totals alone. */
  totalsSafety(totals: LocalState['totals']): number {
    return this.steps.totalsSafety(totals);
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

function only<T>(xs: readonly T[]): T {
  if (xs.length !== 1) throw new Error(`explorer: ${xs.length} results where one was expected`);
  return xs[0] as T;
}
