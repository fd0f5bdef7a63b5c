/**
 * The explorer's compiled transition relation: every local state it meets is interned to a small
 * number, and what that flow can do next is worked out once, by running the engine's own `step()`
 * on a state holding that flow alone, then reused for every state the flow is part of. The poll is
 * stepped the same way, one flow at a time; its effect on the shared counters is returned beside.
 *
 * Leaves out: nothing of the engine: each entry is one `step()` call on a whole (single-flow)
 * engine state. That a flow's step leaves the rest of the state alone is checked on every entry;
 * that the poll acts on each flow apart is A4 of abstraction.ts.
 */
import type { AgentTelemetry } from '../engine/agent/AgentTelemetry.js';
import { ZERO_TELEMETRY } from '../engine/agent/AgentTelemetry.js';
import type { EngineConfig, EngineState, PollResult } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import { step } from '../engine/step.js';
import type { Invariant } from '../properties/invariants/Invariant.js';
import type { ExploreConfig } from './bounds.js';
import { engineConfigOf } from './bounds.js';
import { hashText } from './canonicalise.js';
import { flowCandidates, spend } from './enabledEvents.js';
import { isPerFlow, SHARED_READS } from './invariantScope.js';
import type { GlobalState, LocalState } from './LocalState.js';
import { ABSENT, globalKey, localKey, stableJson } from './LocalState.js';
import { closedOut } from './closedOut.js';
import { assembleState, projectFlow } from './projectState.js';

/** One enabled event of a flow (written for flow 1) and the local state it leads to. */
export interface LocalMove {
  readonly event: Event;
  readonly next: number;
}

/** The poll's `readClosed` for one flow. */
export interface PollClose {
  readonly next: number;
  /** Added to the shared counters (an index into the delta table; 0 adds nothing). */
  readonly delta: number;
  /** Per-flow invariants violated once the poll has shipped (bit k: `invariants[k]`). */
  readonly violations: number;
  /** The single-flow `lastPoll`, for judging whole states. */
  readonly lastPoll: PollResult | null;
}

/** The counters a poll adds: the agent's telemetry and the re-reports ghost. */
interface Delta {
  readonly telemetry: AgentTelemetry;
  readonly reReports: number;
}

const TELEMETRY_KEYS = Object.keys(ZERO_TELEMETRY) as (keyof AgentTelemetry)[];

/** Interning of values by a key string. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyFn: (v: T) => string) {}
  intern(v: T): number {
    const k = this.keyFn(v);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(k, i);
    }
    return i;
  }
  get(i: number): T {
    return this.values[i] as T;
  }
  /** The key a value is interned under (equal for values interned as one). */
  keyOf(v: T): string {
    return this.keyFn(v);
  }
}

/**
 * Interned local and shared states with their memoised steps and verdicts.
 *
 * @example
 * const t = new LocalTables(config, invariants);
 * t.moves(t.absent).map((m) => m.event.type) //=> ['establish']
 */
export class LocalTables {
  readonly engine: EngineConfig;
  /** Index of the not-yet-established flow. */
  readonly absent: number;
  /** Index of the initial shared state. */
  readonly start: number;
  /** Bit k of every verdict mask is `invariants[k]`; only the per-flow ones are judged here. */
  readonly invariants: readonly Invariant[];
  private readonly locals = new Interned<LocalState>(localKey);
  private readonly globals: Interned<GlobalState>;
  private readonly deltas = new Interned<Delta>((d) =>
    JSON.stringify([TELEMETRY_KEYS.map((k) => d.telemetry[k]), d.reReports]),
  );
  private readonly moveMemo: (readonly LocalMove[] | undefined)[] = [];
  private canonOf: Int32Array | null = null;
  private readonly canonMoves: (readonly LocalMove[] | undefined)[] = [];
  private readonly canonClose: (PollClose | null | undefined)[] = [];
  private readonly openMemo: number[] = [];
  private readonly closeMemo: (PollClose | null | undefined)[] = [];
  private readonly safetyMemo: number[] = [];
  private readonly quiescenceMemo: number[] = [];
  private readonly addMemo = new Map<number, number>();
  private readonly pollDoneMemo: number[] = [];
  private readonly pollStartMemo: number[] = [];

  constructor(
    readonly config: ExploreConfig,
    invariants: readonly Invariant[],
  ) {
    this.engine = engineConfigOf(config);
    if (invariants.length > 31) throw new RangeError('explorer: at most 31 invariants');
    this.invariants = invariants;
    const whole = invariants.filter((inv) => !isPerFlow(inv));
    const reads = whole.map((inv) => SHARED_READS[inv.name]);
    // A7 of abstraction.ts: shared states are told apart only by what whole-state invariants read.
    this.globals = reads.every((r) => r !== undefined)
      ? new Interned<GlobalState>((g) => stableJson([g.polls, g.polling, reads.map((r) => r?.(g))]))
      : new Interned<GlobalState>(globalKey);
    this.absent = this.locals.intern(ABSENT);
    this.deltas.intern({ telemetry: ZERO_TELEMETRY, reReports: 0 });
    this.start = this.globals.intern({
      polls: 0,
      polling: false,
      telemetry: ZERO_TELEMETRY,
      reReports: 0,
    });
  }

  private readonly localHashes: [number, number][] = [];
  private readonly globalHashes: [number, number][] = [];

  /** The content hash of local state `i` (the same in every run). */
  localHash(i: number): readonly [number, number] {
    let h = this.localHashes[i];
    if (h === undefined) {
      h = hashText(localKey(this.local(i)));
      this.localHashes[i] = h;
    }
    return h;
  }

  /** The content hash of shared state `g`. */
  globalHash(g: number): readonly [number, number] {
    let h = this.globalHashes[g];
    if (h === undefined) {
      h = hashText(this.globals.keyOf(this.global(g)));
      this.globalHashes[g] = h;
    }
    return h;
  }

  /** How many local states have been met. */
  get localCount(): number {
    return this.locals.values.length;
  }

  /** Interns a local state (already normalised); returns its representative. */
  intern(s: LocalState): number {
    return this.canon(this.locals.intern(s));
  }

  /** Interns a shared state. */
  internGlobal(g: GlobalState): number {
    return this.globals.intern(g);
  }

  /** The local state numbered `i`. */
  local(i: number): LocalState {
    return this.locals.get(i);
  }

  /** The shared state numbered `g`. */
  global(g: number): GlobalState {
    return this.globals.get(g);
  }

  /** A whole engine state holding only flow 1 in local state `s`. */
  single(s: LocalState): EngineState {
    return assembleState(this.engine, [s], {
      polls: 0,
      polling: s.polling,
      telemetry: ZERO_TELEMETRY,
      reReports: 0,
    });
  }

  private project(state: EngineState, entered: number, traffic: number): number {
    const budget = { entered: [0, entered], traffic: [0, traffic] };
    return this.locals.intern(projectFlow(state, flowId(1), budget, this.config.bounds));
  }

  /** Local state `i`'s representative: itself, or after {@link minimise} its class's. */
  canon(i: number): number {
    if (this.canonOf === null) return i;
    const c = this.canonOf[i];
    if (c === undefined)
      throw new Error(`explorer: local state ${i} lies outside the minimised closure`);
    return c;
  }

  /** The flow events enabled in local state `i`, each with the local state it leads to. */
  moves(i: number): readonly LocalMove[] {
    if (this.canonOf === null) return this.rawMoves(i);
    let memo = this.canonMoves[i];
    if (memo === undefined) {
      // Two events into one class lead to the same state: one of them is enough.
      const seen = new Set<number>();
      memo = this.rawMoves(i).flatMap((m) => {
        const next = this.canon(m.next);
        if (seen.has(next)) return [];
        seen.add(next);
        return [{ event: m.event, next }];
      });
      this.canonMoves[i] = memo;
    }
    return memo;
  }

  /** The poll's `readOpen` seen by a flow in local state `i`. */
  pollOpen(i: number): number {
    return this.canon(this.rawOpen(i));
  }

  /** The poll's `readClosed` for a flow in local state `i`, or null while it must wait. */
  pollClose(i: number): PollClose | null {
    if (this.canonOf === null) return this.rawClose(i);
    let memo = this.canonClose[i];
    if (memo === undefined) {
      const c = this.rawClose(i);
      memo = c === null ? null : { ...c, next: this.canon(c.next) };
      this.canonClose[i] = memo;
    }
    return memo;
  }

  private rawMoves(i: number): readonly LocalMove[] {
    const memo = this.moveMemo[i];
    if (memo !== undefined) return memo;
    const s = this.local(i);
    const state = this.single(s);
    const budget = { entered: [0, s.entered], traffic: [0, s.traffic] };
    const out: LocalMove[] = [];
    for (const event of flowCandidates(state, flowId(1), budget, this.config.bounds)) {
      const r = step(state, event);
      if (!r.ok) continue;
      const after = r.value;
      if (
        after.agent !== state.agent ||
        after.backends !== state.backends ||
        after.poll !== state.poll ||
        after.polls !== state.polls
      ) {
        throw new Error(`explorer: ${event.type} changed more than its flow's driver state`);
      }
      const b = spend(budget, event);
      out.push({ event, next: this.project(after, b.entered[1] ?? 0, b.traffic[1] ?? 0) });
    }
    this.moveMemo[i] = out;
    return out;
  }

  private rawOpen(i: number): number {
    const memo = this.openMemo[i];
    if (memo !== undefined) return memo;
    const s = this.local(i);
    const r = step(this.single(s), { type: 'poll', step: 'readOpen' });
    if (!r.ok) throw new Error(`explorer: readOpen refused: ${r.error.message}`);
    const next = this.project(r.value, s.entered, s.traffic);
    this.openMemo[i] = next;
    return next;
  }

  private rawClose(i: number): PollClose | null {
    const memo = this.closeMemo[i];
    if (memo !== undefined) return memo;
    const s = this.local(i);
    const r = step(this.single(s), { type: 'poll', step: 'readClosed' });
    let out: PollClose | null = null;
    if (r.ok) {
      const after = r.value;
      out = {
        next: this.project(after, s.entered, s.traffic),
        delta: this.deltas.intern({
          telemetry: after.agent.telemetry,
          reReports: after.reReportsWithFailures,
        }),
        violations: this.judge(after, 'everyStep'),
        lastPoll: after.lastPoll,
      };
    }
    this.closeMemo[i] = out;
    return out;
  }

  /** Per-flow safety invariants violated by local state `i` (between polls). */
  safety(i: number): number {
    let v = this.safetyMemo[i];
    if (v === undefined) {
      v = this.judge(this.single(this.local(i)), 'everyStep');
      this.safetyMemo[i] = v;
    }
    return v;
  }

  /** Per-flow quiescence invariants violated once local state `i` is closed out. */
  quiescence(i: number): number {
    let v = this.quiescenceMemo[i];
    if (v === undefined) {
      v = this.judge(closedOut(this.engine, this.single(this.local(i))), 'quiescence');
      this.quiescenceMemo[i] = v;
    }
    return v;
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

  /** Shared state `g` plus the counters of delta `d`. */
  addDelta(g: number, d: number): number {
    if (d === 0) return g;
    if (d >= 4096) throw new RangeError('explorer: too many distinct poll effects');
    const key = g * 4096 + d;
    let out = this.addMemo.get(key);
    if (out === undefined) {
      const a = this.global(g);
      const b = this.deltas.get(d);
      const telemetry = { ...a.telemetry };
      for (const k of TELEMETRY_KEYS) telemetry[k] += b.telemetry[k];
      out = this.internGlobal({ ...a, telemetry, reReports: a.reReports + b.reReports });
      this.addMemo.set(key, out);
    }
    return out;
  }

  /** Shared state `g` once the poll has begun. */
  pollStarted(g: number): number {
    let out = this.pollStartMemo[g];
    if (out === undefined) {
      out = this.internGlobal({ ...this.global(g), polling: true });
      this.pollStartMemo[g] = out;
    }
    return out;
  }

  /** Shared state `g` once the poll has ended. */
  pollEnded(g: number): number {
    let out = this.pollDoneMemo[g];
    if (out === undefined) {
      const a = this.global(g);
      out = this.internGlobal({ ...a, polls: a.polls + 1, polling: false });
      this.pollDoneMemo[g] = out;
    }
    return out;
  }
}
