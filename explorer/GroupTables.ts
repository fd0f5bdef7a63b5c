/**
 * Groups of several flows of one tuple (abstraction.ts A4), stored as each member's own share and
 * the coupling (Coupling.ts), both interned, so that a group's state is a short row of numbers in
 * a typed-array table. A member's own steps, the poll's `readOpen`, the drain's read and client
 * churn act on each member apart and are composed from the members' memoised steps
 * (LocalTables.ts) and the coupling's order rules; the poll's `readClosed`, where the aggregator
 * merges the tuple's records, and the close-out are run by the engine on the whole group, once per
 * group state.
 *
 * Leaves out: minimisation (only groups of one flow are merged: minimiseLocals.ts).
 */
import { hashText } from './canonicalise.js';
import type { Coupling, Counts } from './Coupling.js';
import {
  afterMove,
  countsOf,
  couplingKey,
  join,
  renameCoupling,
  split,
  zeroAsNone,
} from './Coupling.js';
import { IntMemo } from './IntMemo.js';
import { IntPool } from './IntPool.js';
import { Interned } from './Interned.js';
import type { DrainRead, LocalTables, PollClose } from './LocalTables.js';
import type { LocalState } from './LocalState.js';
import { pollStub, unstub } from './pollStub.js';
import { permutations } from './tableOrders.js';
import { VisitedSet } from './VisitedSet.js';

/** The number of the first group of several flows (below it: local states of one flow). */
export const GROUP_BASE = 0x40000000;
/** Group numbers of each size: `GROUP_BASE + size · SIZE_STRIDE + index`. */
const SIZE_STRIDE = 1 << 26;

/** The groups of one size: their rows (members, then coupling) and their memoised steps. */
class Store {
  readonly rows: VisitedSet;
  readonly movesAt = new IntMemo();
  readonly movesCount = new IntMemo();
  readonly open = new IntMemo();
  readonly drainNext = new IntMemo();
  readonly drainFlags = new IntMemo();
  readonly churn = new IntMemo();
  readonly safety = new IntMemo();
  /** Where its `readClosed` results start in the pool (-2: the read waits), and how many. */
  readonly closeAt = new IntMemo();
  readonly closeCount = new IntMemo();
  constructor(readonly size: number) {
    this.rows = new VisitedSet(size + 1);
  }
}

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
 * Interned groups of several flows and their composed steps.
 *
 * @example
 * const g = new GroupTables(tables, true); g.moveCount(g.fromLocal(absentGroup(2, true))) //=> 1 (establish, either member)
 */
export class GroupTables {
  private readonly stores = new Map<number, Store>();
  private readonly couplings = new Interned<Coupling>(couplingKey);
  private readonly renamed = new Map<string, number>();
  private readonly after = new Map<number, number>();
  private readonly counts = new Map<number, Counts>();
  private readonly movePool = new IntPool();
  private readonly closePool = new IntPool();
  private readonly moreOpen = new Map<number, readonly number[]>();
  private readonly closes = new Map<number, readonly PollClose[] | null>();
  private readonly quiet = new Map<number, number>();
  private readonly hashes = new Map<number, readonly [number, number]>();
  private readonly stubs = new Map<string, readonly StubResult[] | null>();
  private readonly stubMemo = new IntMemo();
  private readonly unstubMemo = new Map<number, number>();
  private readonly row = new Uint32Array(16);

  constructor(
    private readonly tables: LocalTables,
    private readonly symmetry: boolean,
  ) {}

  /** How many group states have been met. */
  get count(): number {
    let n = 0;
    for (const s of this.stores.values()) n += s.rows.size;
    return n;
  }

  private store(size: number): Store {
    let s = this.stores.get(size);
    if (s === undefined) {
      s = new Store(size);
      this.stores.set(size, s);
    }
    return s;
  }

  private locate(id: number): { store: Store; index: number } {
    const off = id - GROUP_BASE;
    return { store: this.store(Math.floor(off / SIZE_STRIDE)), index: off % SIZE_STRIDE };
  }

  /** The number of flows in group state `id`. */
  size(id: number): number {
    return Math.floor((id - GROUP_BASE) / SIZE_STRIDE);
  }

  /** The members (local states of one flow) and the coupling number of group state `id`. */
  private parts(id: number): { members: number[]; c: number } {
    const { store, index } = this.locate(id);
    const w = store.size + 1;
    const keys = store.rows.keys;
    const members: number[] = [];
    for (let k = 0; k < store.size; k++) members.push(keys[index * w + k] as number);
    return { members, c: keys[index * w + store.size] as number };
  }

  private rename(c: number, perm: readonly number[]): number {
    if (perm.every((p, j) => p === j)) return c;
    const key = `${c}:${perm.join(',')}`;
    let out = this.renamed.get(key);
    if (out === undefined) {
      out = this.couplings.intern(renameCoupling(this.couplings.get(c), perm));
      this.renamed.set(key, out);
    }
    return out;
  }

  /**
   * The number of the group of `members` and coupling `c`; under symmetry with its members in
   * canonical order (by number, equal members in the order of least coupling number: A6).
   */
  make(members: readonly number[], c: number): number {
    const m = members.length;
    let perm = members.map((_, j) => j);
    let coupling = c;
    if (this.symmetry) {
      const byNumber = [...perm].sort(
        (a, b) => (members[a] as number) - (members[b] as number) || a - b,
      );
      const ties = byNumber.some(
        (j, k) => k > 0 && members[j] === members[byNumber[k - 1] as number],
      );
      if (ties) [perm, coupling] = this.leastCoupling(byNumber, members, c);
      else {
        byNumber.forEach((old, pos) => (perm[old] = pos));
        coupling = this.rename(c, perm);
      }
    }
    const store = this.store(m);
    const row = this.row;
    members.forEach((x, j) => (row[perm[j] as number] = x));
    row[m] = coupling;
    const r = store.rows.add(row.subarray(0, m + 1), -1);
    return GROUP_BASE + m * SIZE_STRIDE + (r >= 0 ? r : -r - 1);
  }

  /** Among the renamings that sort the members (`byNumber`: old indices in order), the least coupling. */
  private leastCoupling(
    byNumber: readonly number[],
    members: readonly number[],
    c: number,
  ): [number[], number] {
    const runs: number[][] = [];
    for (const j of byNumber) {
      const last = runs[runs.length - 1];
      if (last !== undefined && members[last[0] as number] === members[j]) last.push(j);
      else runs.push([j]);
    }
    let orders: number[][] = [[]];
    for (const run of runs)
      orders = orders.flatMap((o) => permutations(run).map((p) => [...o, ...p]));
    let best: [number[], number] | null = null;
    for (const order of orders) {
      const perm = new Array<number>(order.length);
      order.forEach((old, pos) => (perm[old] = pos));
      const cc = this.rename(c, perm);
      if (best === null || cc < best[1]) best = [perm, cc];
    }
    return best as [number[], number];
  }

  /** The group state of a whole group share (normalised). */
  fromLocal(s: LocalState): number {
    const { members, coupling } = split(s);
    return this.make(
      members.map((m) => this.tables.internRaw(m)),
      this.couplings.intern(coupling),
    );
  }

  /** The whole group share of group state `id`. */
  view(id: number): LocalState {
    const { members, c } = this.parts(id);
    return join(
      members.map((m) => this.tables.local(m)),
      this.couplings.get(c),
    );
  }

  private countsOf(member: number): Counts {
    let k = this.counts.get(member);
    if (k === undefined) {
      k = countsOf(this.tables.local(member));
      this.counts.set(member, k);
    }
    return k;
  }

  /** The coupling after member `j` went from local state `from` to `to` (memoised by the change). */
  private moved(c: number, j: number, from: number, to: number): number {
    const a = this.countsOf(from);
    const b = this.countsOf(to);
    const d = (x: number, y: number) => Math.max(-3, Math.min(3, y - x)) + 3;
    const code =
      d(a.open, b.open) +
      7 *
        (d(a.closed, b.closed) +
          7 * (d(a.held, b.held) + 7 * (d(a.full, b.full) + 7 * (a.buffer === b.buffer ? 0 : 1))));
    const key = (c * 8 + j) * 4802 + code;
    let out = this.after.get(key);
    if (out === undefined) {
      out = this.couplings.intern(afterMove(this.couplings.get(c), j, a, b));
      this.after.set(key, out);
    }
    return out;
  }

  /** How many own steps group state `id` has (each member's; an establish only while no other member is live). */
  moveCount(id: number): number {
    const { store, index } = this.locate(id);
    const n = store.movesCount.get(index);
    return n >= 0 ? n : this.computeMoves(id, store, index);
  }

  /** The group state own step `m` of `id` leads to. */
  moveTarget(id: number, m: number): number {
    const { store, index } = this.locate(id);
    if (store.movesCount.get(index) < 0) this.computeMoves(id, store, index);
    return this.movePool.get(store.movesAt.get(index) + m);
  }

  private computeMoves(id: number, store: Store, index: number): number {
    const { members, c } = this.parts(id);
    const live = members.map(
      (m) => this.tables.local(m).members[0]?.flow?.status === 'established',
    );
    const out: number[] = [];
    members.forEach((x, j) => {
      for (const move of this.tables.memberMoves(x)) {
        // Two live TCP connections cannot share a 4-tuple (docs/environment.md): the engine's rule.
        if (move.event.type === 'establish' && live.some((l, k) => l && k !== j)) continue;
        const next = members.slice();
        next[j] = move.next;
        const to = this.make(next, this.moved(c, j, x, move.next));
        if (!out.includes(to)) out.push(to);
      }
    });
    store.movesAt.set(index, this.movePool.push(out));
    store.movesCount.set(index, out.length);
    return out.length;
  }

  /** The poll's `readOpen`: each member reads its own flow; one result per order of the open members. */
  pollOpen(id: number): readonly number[] {
    const { store, index } = this.locate(id);
    const first = store.open.get(index);
    if (first >= 0) return this.moreOpen.get(id) ?? [first];
    const { members, c } = this.parts(id);
    const next = members.map((m) => this.tables.memberOpen(m));
    const coupling = this.couplings.get(c);
    const orders = this.tables.features.anyOrder
      ? permutations([...coupling.open])
      : [[...coupling.open]];
    const out = [
      ...new Set(
        orders.map((captured) => this.make(next, this.couplings.intern({ ...coupling, captured }))),
      ),
    ];
    store.open.set(index, out[0] as number);
    if (out.length > 1) this.moreOpen.set(id, out);
    return out;
  }

  /**
   * The poll's `readClosed`, once per order: run by the engine on the whole group when two of its
   * members have records the poll reads (the aggregator may merge them), else composed.
   */
  pollClose(id: number): readonly PollClose[] | null {
    if (this.tables.readsLastPoll) {
      let kept = this.closes.get(id);
      if (kept === undefined) {
        kept = this.tables.closesOf(this.view(id));
        this.closes.set(id, kept);
      }
      return kept;
    }
    const { store, index } = this.locate(id);
    let at = store.closeAt.get(index);
    if (at === -1) {
      const { members, c } = this.parts(id);
      const active = members.flatMap((m, j) => (readsRecords(this.tables.local(m)) ? [j] : []));
      const out =
        active.length > 1
          ? this.stubbedClose(members, c)
          : this.composedClose(members, this.couplings.get(c), active[0]);
      at =
        out === null
          ? -2
          : this.closePool.push(out.flatMap((x) => [x.next, x.delta, x.violations]));
      store.closeAt.set(index, at);
      store.closeCount.set(index, out?.length ?? 0);
    }
    if (at === -2) return null;
    const out: PollClose[] = [];
    for (let k = 0; k < store.closeCount.get(index); k++) {
      const p = this.closePool;
      const i = at + 3 * k;
      out.push({ next: p.get(i), delta: p.get(i + 1), violations: p.get(i + 2), lastPoll: null });
    }
    return out;
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
      const next = this.make(row, r.coupling);
      const close = {
        next,
        delta: r.delta,
        violations: r.violations | this.safety(next),
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
          next: this.make(base, this.couplings.intern(cleared)),
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
        next: this.make(row, coupling),
        delta: r.delta,
        violations: r.violations | others,
        lastPoll: null,
      };
    });
  }

  /** The drain's read: each member's, the held records in the closed table's order. */
  drainRead(id: number): DrainRead {
    const { store, index } = this.locate(id);
    let flags = store.drainFlags.get(index);
    if (flags < 0) {
      const { members, c } = this.parts(id);
      const each = members.map((m) => this.tables.memberDrain(m));
      const closed = each.some((x) => x.closed);
      const holds = each.some((x) => x.holds);
      const waits = each.some((x) => x.waits);
      const coupling = this.couplings.get(c);
      const next =
        closed && !holds && !waits
          ? this.make(
              each.map((x) => x.next),
              this.couplings.intern({ ...coupling, held: coupling.closed, closed: [] }),
            )
          : id;
      flags = (closed ? 1 : 0) | (holds ? 2 : 0) | (waits ? 4 : 0);
      store.drainFlags.set(index, flags);
      store.drainNext.set(index, next);
    }
    return {
      closed: (flags & 1) !== 0,
      holds: (flags & 2) !== 0,
      waits: (flags & 4) !== 0,
      next: store.drainNext.get(index),
    };
  }

  /** Client 1 expires (its closed buffer goes) or registers again, for every member. */
  churn(id: number): number {
    const { store, index } = this.locate(id);
    let out = store.churn.get(index);
    if (out < 0) {
      const { members, c } = this.parts(id);
      const coupling = this.couplings.get(c);
      const expires = this.tables.local(members[0] as number).registered;
      out = this.make(
        members.map((m) => this.tables.memberChurn(m)),
        expires ? this.couplings.intern({ ...coupling, full: [] }) : c,
      );
      store.churn.set(index, out);
    }
    return out;
  }

  /** Per-flow safety verdicts: each member's own, and the tuple's totals'. */
  safety(id: number): number {
    const { store, index } = this.locate(id);
    let v = store.safety.get(index);
    if (v < 0) {
      const { members, c } = this.parts(id);
      v = this.tables.totalsSafety(this.couplings.get(c).totals);
      for (const m of members) v |= this.tables.safety(m);
      store.safety.set(index, v);
    }
    return v;
  }

  /** Per-flow quiescence verdicts, from the engine's close-out of the whole group. */
  quiescence(id: number): number {
    let v = this.quiet.get(id);
    if (v === undefined) {
      v = this.tables.quiescenceOf(this.view(id));
      this.quiet.set(id, v);
    }
    return v;
  }

  /**
   * The content hash of group state `id`, the same in every run and for every numbering of its
   * members (the least key over them).
   */
  hash(id: number): readonly [number, number] {
    let h = this.hashes.get(id);
    if (h === undefined) {
      const { members, c } = this.parts(id);
      const coupling = this.couplings.get(c);
      let best: string | null = null;
      for (const perm of permutations(members.map((_, j) => j))) {
        const order = new Array<number>(members.length);
        perm.forEach((to, from) => (order[to] = members[from] as number));
        const key = `${order.map((m) => this.tables.keyOf(m)).join('/')}#${couplingKey(renameCoupling(coupling, perm))}`;
        if (best === null || key < best) best = key;
      }
      h = hashText(best as string);
      this.hashes.set(id, h);
    }
    return h;
  }
}
