/**
 * A group share stepped alone: the engine's own `step()` run on a whole engine state holding that
 * group only (its members flows 1, 2, …), and the share the result leaves projected back. This is
 * where LocalTables.ts computes a table entry the first time: a group's own steps, the poll's
 * half-steps, the drain's read, client churn and the per-flow verdicts.
 *
 * Leaves out: memoisation and interning (LocalTables.ts keeps the tables; `intern` is its own).
 * That a group's own step leaves the shared part alone is checked on every step taken here.
 */
import type { Event, FlowId } from '../engine/events.js';
import type { EngineState } from '../engine/EngineState.js';
import { ZERO_TELEMETRY } from '../engine/agent/AgentTelemetry.js';
import { step } from '../engine/step.js';
import type { Invariant } from '../invariants/Invariant.js';
import type { Budget, ExploreBounds } from './bounds.js';
import { closedOut } from './closedOut.js';
import { distinctCloses } from './distinctCloses.js';
import { emptiesReversed } from './emptiesReversed.js';
import { flowCandidates, spend } from './enabledEvents.js';
import { isPerFlow } from './invariantScope.js';
import type { DrainRead } from './DrainRead.js';
import type { LocalMove, LocalTables } from './LocalTables.js';
import type { PollClose } from './PollClose.js';
import type { LocalState } from './LocalState.js';
import { absentGroup, localKey } from './LocalState.js';
import type { GroupPlace } from './projectState.js';
import { assembleState, projectGroup } from './projectState.js';
import { renameMembers } from './renameMembers.js';
import { permutations, tableOrders } from './tableOrders.js';

/** A `readClosed` result with the group share it leads to, before interning. */
export interface CloseResult extends Omit<PollClose, 'next'> {
  readonly after: LocalState;
}

/** What of the tables stepping reads: the run's configuration, engine and invariants. */
type StepContext = Pick<
  LocalTables,
  | 'config'
  | 'engine'
  | 'environment'
  | 'features'
  | 'shared'
  | 'invariants'
  | 'readsLastPoll'
  | 'symmetry'
>;

const single = (size: number): GroupPlace => ({
  flows: Array.from({ length: size }, (_, j) => (j + 1) as FlowId),
  tuple: 1,
});

/**
 * The engine's steps of one group share stepped alone, each result interned by `intern` as it is.
 *
 * @example
 * const steps = new LocalSteps(tables, (s) => tables.intern(s));
 * steps.moves(absentGroup(1, true)).map((m) => m.event.type) //=> ['establish']
 */
export class LocalSteps {
  private readonly totalsMemo = new Map<string, number>();

  constructor(
    private readonly t: StepContext,
    private readonly intern: (s: LocalState) => number,
  ) {}

  /** A whole engine state holding only the group in local state `s`, its members flows 1, 2, …. */
  private single(s: LocalState): EngineState {
    return assembleState(this.t.engine, [{ local: s, place: single(s.members.length) }], {
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
      ...this.t.config.bounds,
      flows: size,
      tuples: 1,
      tupleOf: new Array<number>(size).fill(1),
    };
  }

  /** The share of `state` (a single-group state like `from`'s), interned as it is. */
  private project(state: EngineState, from: LocalState, budgetOf = budgetOfLocal(from)): number {
    return this.intern(
      projectGroup(state, single(from.members.length), budgetOf, this.t.config.bounds),
    );
  }

  /** The own events enabled in group share `s`, each with the share it leads to (as it is). */
  moves(s: LocalState): LocalMove[] {
    const state = this.single(s);
    const budget = budgetOfLocal(s);
    const bounds = this.singleBounds(s.members.length);
    const candidates: Event[] = [];
    for (let j = 1; j <= s.members.length; j++)
      candidates.push(...flowCandidates(state, j as FlowId, budget, bounds, this.t.environment));
    if (this.t.features.asyncDrain)
      for (const j of new Set(s.held.map((e) => e.member)))
        candidates.push({ type: 'drain', step: 'store', flow: (j + 1) as FlowId });
    const out: LocalMove[] = [];
    for (const event of candidates) {
      const r = step(state, event);
      if (!r.ok) continue;
      checkOwn(state, r.value, event);
      out.push({ event, next: this.project(r.value, s, spend(budget, event)) });
    }
    return out;
  }

  /** The poll's `readOpen` of group share `s`: one result per order that matters. */
  open(s: LocalState): number[] {
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
    return [...out];
  }

  /** Group share `s` after client 1 expires (registered) or registers again (expired). */
  churn(s: LocalState): number {
    const event: Event = s.registered
      ? { type: 'clientExpire', client: 1 }
      : { type: 'clientRegister', client: 1 };
    return this.project(this.stepShared(s, event), s);
  }

  /** The drain's read as group share `s`, numbered `i`, sees it. */
  drain(s: LocalState, i: number): DrainRead {
    const closed = s.closed.length > 0;
    const holds = s.held.length > 0;
    const d = { closed, holds, waits: false, next: i };
    if (!(this.t.features.asyncDrain && closed && !holds)) return d;
    const state = this.single(s);
    const r = step(state, { type: 'drain', step: 'read' });
    if (r.ok) checkOwn(state, r.value, { type: 'drain', step: 'read' }, true);
    return r.ok ? { ...d, next: this.project(r.value, s) } : { ...d, waits: true };
  }

  private orders(table: readonly FlowId[]): (readonly FlowId[] | undefined)[] {
    return this.t.features.anyOrder ? tableOrders(table, () => 1) : [undefined];
  }

  /** `step()` of an event every group takes part in; it must be accepted and add no counter. */
  private stepShared(s: LocalState, e: Event, state = this.single(s)): EngineState {
    const r = step(state, e);
    if (!r.ok) throw new Error(`explorer: ${e.type} refused: ${r.error.message}`);
    if (e.type !== 'poll' || e.step !== 'readClosed') checkOwn(state, r.value, e, true);
    return r.value;
  }

  /** The `readClosed` of group share `s`, one result per order; null while it waits. */
  closesOf(s: LocalState): readonly PollClose[] | null {
    const results = this.closeResultsOf(s);
    if (results === null) return null;
    const out = results.map((r) => ({ ...r, next: this.intern(r.after) }));
    return distinctCloses(
      out.map(({ after: _after, ...c }) => c),
      this.t.readsLastPoll,
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
      after: projectGroup(after, single(s.members.length), budgetOfLocal(s), this.t.config.bounds),
      delta: this.t.shared.delta({
        telemetry: after.agent.telemetry,
        reReports: after.reReportsWithFailures,
      }),
      violations: this.judge(after, 'everyStep'),
      lastPoll: after.lastPoll,
    };
  }

  /** Per-flow safety invariants violated by group share `s` (between polls). */
  safety(s: LocalState): number {
    return this.judge(this.single(s), 'everyStep');
  }

  /**
   * Per-flow quiescence invariants violated once group share `s` is closed out; under symmetry,
   * for some numbering of its members (the close-out reads flow numbers: abstraction.ts A6).
   */
  quiescenceOf(s: LocalState): number {
    const m = s.members.length;
    const numberings = this.t.symmetry
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
    return this.judge(closedOut(this.t.engine, this.single(s)), 'quiescence');
  }

  private judge(state: EngineState, when: Invariant['when']): number {
    let bits = 0;
    this.t.invariants.forEach((inv, k) => {
      if (isPerFlow(inv) && inv.when === when && !inv.check(state).ok) bits |= 1 << k;
    });
    return bits;
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

function sameClose(a: CloseResult, b: CloseResult | null): boolean {
  return (
    b !== null &&
    localKey(a.after) === localKey(b.after) &&
    a.delta === b.delta &&
    a.violations === b.violations
  );
}
