/**
 * The poll's `readClosed` of a group of several flows, when no whole-state invariant reads
 * `lastPoll`: run by the engine on the whole group when two of its members have records the poll
 * reads (the aggregator may merge them), else composed from the members' own memoised reads
 * (LocalTables.ts). GroupTables.ts keeps the results.
 *
 * Leaves out: `lastPoll` (every result's is null; GroupTables.ts asks the engine for the whole
 * group when it is read).
 */
import type { Coupling } from './Coupling.js';
import { join, split, zeroAsNone } from './Coupling.js';
import type { CouplingTable } from './CouplingTable.js';
import { SIZE_STRIDE } from './GroupStore.js';
import type { GroupTables } from './GroupTables.js';
import { IntMemo } from './IntMemo.js';
import type { LocalTables } from './LocalTables.js';
import type { LocalState } from './LocalState.js';
import type { PollClose } from './PollClose.js';
import { pollStub, unstub } from './pollStub.js';

/** A `readClosed` result of a group of stubs: its members and coupling (numbers), counters, verdicts. */
interface StubResult {
  readonly members: readonly number[];
  readonly coupling: number;
  readonly delta: number;
  readonly violations: number;
}

/** The poll reads records of this member: captured from `openFlows`, in `closedFlows` or buffered. */
const readsRecords = (s: LocalState): boolean =>
  s.captured.length > 0 || s.closed.length > 0 || s.buffer.length > 0;

/**
 * The `readClosed` results of groups of several flows, each computed once.
 *
 * @example
 * const closes = new GroupCloses(tables, tables.groups, couplings);
 * const a = tables.absentOf(1);
 * closes.of([a, a], couplings.intern(none))?.map((c) => c.delta) //=> [0] (nothing to read)
 */
export class GroupCloses {
  private readonly stubs = new Map<string, readonly StubResult[] | null>();
  private readonly stubMemo = new IntMemo();
  private readonly unstubMemo = new Map<number, number>();

  constructor(
    private readonly tables: LocalTables,
    private readonly groups: GroupTables,
    private readonly couplings: CouplingTable,
  ) {}

  /** The `readClosed` of the group of `members` and coupling `c`, once per order; null while it waits. */
  of(members: readonly number[], c: number): readonly PollClose[] | null {
    const active = members.flatMap((m, j) => (readsRecords(this.tables.local(m)) ? [j] : []));
    return active.length > 1
      ? this.stubbedClose(members, c)
      : this.composedClose(members, this.couplings.get(c), active[0]);
  }

  /**
   * `readClosed` of a group with two members the read takes records from, run by the engine on the
   * group with each member's state the read does not look at in one form (pollStub.ts), memoised
   * by that, and put back after; the members' driver-state verdicts are the group's own
   * (`safety`), the rest the run's.
   */
  private stubbedClose(members: readonly number[], c: number): readonly PollClose[] | null {
    const stubs = members.map((m) => this.stubOf(m));
    const key = `${stubs.join(',')}#${c}`;
    let results = this.stubs.get(key);
    if (results === undefined) {
      results = this.stubResults(stubs, c);
      this.stubs.set(key, results);
    }
    if (results === null) return null;
    const seen = new Set<string>();
    const out: PollClose[] = [];
    for (const r of results) {
      const row = r.members.map((x, j) => this.unstubbed(x, members[j] as number));
      const next = this.groups.make(row, r.coupling);
      const close = {
        next,
        delta: r.delta,
        violations: r.violations | this.groups.safety(next),
        lastPoll: null,
      };
      const k = `${close.next},${close.delta},${close.violations}`;
      if (!seen.has(k)) out.push(close);
      seen.add(k);
    }
    return out;
  }

  /** The member's share with what the read does not look at in one form (memoised). */
  private stubOf(member: number): number {
    let s = this.stubMemo.get(member);
    if (s < 0) {
      s = this.tables.internRaw(pollStub(this.tables.local(member), this.tables.engine.layers));
      this.stubMemo.set(member, s);
    }
    return s;
  }

  /** Member `after` of a stub's result, with `before`'s own state put back. */
  private unstubbed(after: number, before: number): number {
    const key = after * SIZE_STRIDE + before;
    let out = this.unstubMemo.get(key);
    if (out === undefined) {
      out = this.tables.internRaw(unstub(this.tables.local(after), this.tables.local(before)));
      this.unstubMemo.set(key, out);
    }
    return out;
  }

  /** The engine's `readClosed` of the group of `stubs` and coupling `c`, as rows. */
  private stubResults(stubs: readonly number[], c: number): readonly StubResult[] | null {
    const view = join(
      stubs.map((m) => this.tables.local(m)),
      this.couplings.get(c),
    );
    const results = this.tables.closeResultsOf(view);
    if (results === null) return null;
    return results.map((r) => {
      const parts = split(r.after);
      return {
        members: parts.members.map((m) => this.tables.internRaw(m)),
        coupling: this.couplings.intern(parts.coupling),
        delta: r.delta,
        violations: r.violations,
      };
    });
  }

  /**
   * `readClosed` when at most member `j` has records to read: the poll reads nothing of the
   * others, whose own share it only leaves (their baselines go, as `GetDelta` keeps baselines for
   * active cookies only), so each is stepped alone, and member `j` alone with the tuple's totals.
   */
  private composedClose(
    members: readonly number[],
    c: Coupling,
    j: number | undefined,
  ): readonly PollClose[] | null {
    // The others' verdicts are their own driver state's (the read shipped nothing of them).
    let others = 0;
    const base = members.map((m, k) => {
      if (k === j) return m;
      const x = this.tables.memberClose(m)?.[0];
      if (x === undefined || x.delta !== 0)
        throw new Error('explorer: a poll read nothing of a flow, yet it waited or shipped');
      others |= x.violations;
      return x.next;
    });
    const cleared: Coupling = { ...c, closed: [], full: [], captured: [] };
    if (j === undefined)
      return [
        {
          next: this.groups.make(base, this.couplings.intern(cleared)),
          delta: 0,
          violations: others,
          lastPoll: null,
        },
      ];
    const own = this.tables.local(members[j] as number);
    const results = this.tables.memberClose(this.tables.internRaw({ ...own, totals: c.totals }));
    if (results === null) return null;
    return results.map((r) => {
      const after = this.tables.local(r.next);
      const row = base.slice();
      row[j] = this.tables.internRaw({ ...after, totals: null });
      const coupling = this.couplings.intern({ ...cleared, totals: zeroAsNone(after.totals) });
      return {
        next: this.groups.make(row, coupling),
        delta: r.delta,
        violations: r.violations | others,
        lastPoll: null,
      };
    });
  }
}
