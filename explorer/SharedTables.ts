/**
 * The shared part of the explorer's states (LocalState.ts `GlobalState`): interned, with what the
 * poll, a poll's counters and client churn do to it memoised. Shared states are told apart only by
 * what the whole-state invariants read of the counters (abstraction.ts A7).
 *
 * Leaves out: everything a group owns (LocalTables.ts).
 */
import type { AgentTelemetry } from '../engine/agent/AgentTelemetry.js';
import { ZERO_TELEMETRY } from '../engine/agent/AgentTelemetry.js';
import type { Invariant } from '../invariants/Invariant.js';
import { hashText } from './canonicalise.js';
import { Interned } from './Interned.js';
import { isPerFlow, SHARED_READS } from './invariantScope.js';
import type { GlobalState } from './LocalState.js';
import { globalKey, stableJson } from './LocalState.js';

/** The counters a poll adds: the agent's telemetry and the re-reports ghost. */
export interface Delta {
  readonly telemetry: AgentTelemetry;
  readonly reReports: number;
}

const TELEMETRY_KEYS = Object.keys(ZERO_TELEMETRY) as (keyof AgentTelemetry)[];

/**
 * Interned shared states.
 *
 * @example
 * const t = new SharedTables(invariants); t.global(t.pollStarted(t.start)).polling //=> true
 */
export class SharedTables {
  /** Index of the initial shared state. */
  readonly start: number;
  private readonly globals: Interned<GlobalState>;
  private readonly deltas = new Interned<Delta>((d) =>
    JSON.stringify([TELEMETRY_KEYS.map((k) => d.telemetry[k]), d.reReports]),
  );
  private readonly hashes: [number, number][] = [];
  private readonly addMemo = new Map<number, number>();
  private readonly doneMemo: number[] = [];
  private readonly startMemo: number[] = [];
  private readonly churnMemo: number[] = [];

  constructor(invariants: readonly Invariant[]) {
    const reads = invariants.filter((inv) => !isPerFlow(inv)).map((inv) => SHARED_READS[inv.name]);
    // A7 of abstraction.ts: shared states are told apart only by what whole-state invariants read.
    this.globals = reads.every((r) => r !== undefined)
      ? new Interned<GlobalState>((g) =>
          stableJson([g.polls, g.polling, g.registered, reads.map((r) => r?.(g))]),
        )
      : new Interned<GlobalState>(globalKey);
    this.deltas.intern({ telemetry: ZERO_TELEMETRY, reReports: 0 });
    this.start = this.intern({
      polls: 0,
      polling: false,
      registered: true,
      telemetry: ZERO_TELEMETRY,
      reReports: 0,
    });
  }

  intern(g: GlobalState): number {
    return this.globals.intern(g);
  }

  /** Shared states met so far. */
  get count(): number {
    return this.globals.values.length;
  }

  /** Distinct poll effects met so far (number 0 adds nothing). */
  get deltaCount(): number {
    return this.deltas.values.length;
  }

  global(g: number): GlobalState {
    return this.globals.get(g);
  }

  /** The content hash of shared state `g` (the same in every run). */
  hash(g: number): readonly [number, number] {
    let h = this.hashes[g];
    if (h === undefined) {
      h = hashText(this.globals.keyOf(this.global(g)));
      this.hashes[g] = h;
    }
    return h;
  }

  /** The number of a poll's counters (0 adds nothing). */
  delta(d: Delta): number {
    return this.deltas.intern(d);
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
      out = this.intern({ ...a, telemetry, reReports: a.reReports + b.reReports });
      this.addMemo.set(key, out);
    }
    return out;
  }

  private memo(table: number[], g: number, f: (a: GlobalState) => GlobalState): number {
    let out = table[g];
    if (out === undefined) {
      out = this.intern(f(this.global(g)));
      table[g] = out;
    }
    return out;
  }

  /** Shared state `g` once the poll has begun. */
  pollStarted(g: number): number {
    return this.memo(this.startMemo, g, (a) => ({ ...a, polling: true }));
  }

  /**
   * Shared state `g` once the poll has ended: its client is registered (`GetDelta` creates a
   * client that is not: pkg/network/state.go `getClient`).
   */
  pollEnded(g: number): number {
    return this.memo(this.doneMemo, g, (a) => ({
      ...a,
      polls: a.polls + 1,
      polling: false,
      registered: true,
    }));
  }

  /** Shared state `g` once client 1 has expired (registered) or registered (expired). */
  churned(g: number): number {
    return this.memo(this.churnMemo, g, (a) => ({ ...a, registered: !a.registered }));
  }
}
