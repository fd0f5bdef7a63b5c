/**
 * Groups of several flows of one tuple (abstraction.ts A4), stored as each member's own share and
 * the coupling (Coupling.ts), both interned, so that a group's state is a short row of numbers in
 * a typed-array table. A member's own steps, the poll's `readOpen`, the drain's read and client
 * churn act on each member apart and are composed from the members' memoised steps
 * (LocalTables.ts) and the coupling's order rules; the poll's `readClosed`, where the aggregator
 * merges the tuple's records, and the close-out are run by the engine on the whole group, once per
 * group state. The rows of each size are GroupStore.ts, the couplings CouplingTable.ts and the
 * composed `readClosed` GroupCloses.ts.
 *
 * Leaves out: minimisation (only groups of one flow are merged: minimiseLocals.ts).
 */
import { hashText } from './canonicalise.js';
import { couplingKey, join, renameCoupling, split } from './Coupling.js';
import { CouplingTable } from './CouplingTable.js';
import type { DrainRead } from './DrainRead.js';
import { GroupCloses } from './GroupCloses.js';
import { GroupStore, SIZE_STRIDE } from './GroupStore.js';
import { IntPool } from './IntPool.js';
import type { LocalTables } from './LocalTables.js';
import type { LocalState } from './LocalState.js';
import type { PollClose } from './PollClose.js';
import { permutations } from './tableOrders.js';

/** The number of the first group of several flows (below it: local states of one flow). */
export const GROUP_BASE = 0x40000000;

/**
 * Interned groups of several flows and their composed steps.
 *
 * @example
 * const g = new GroupTables(tables, true); g.moveCount(g.fromLocal(absentGroup(2, true))) //=> 1 (establish, either member)
 */
export class GroupTables {
  private readonly stores = new Map<number, GroupStore>();
  private readonly couplings: CouplingTable;
  /** The `readClosed` results when `lastPoll` is not read (kept in `closePool`). */
  private readonly closers: GroupCloses;
  private readonly movePool = new IntPool();
  private readonly closePool = new IntPool();
  private readonly moreOpen = new Map<number, readonly number[]>();
  private readonly closes = new Map<number, readonly PollClose[] | null>();
  private readonly quiet = new Map<number, number>();
  private readonly hashes = new Map<number, readonly [number, number]>();
  private readonly row = new Uint32Array(16);

  constructor(
    private readonly tables: LocalTables,
    private readonly symmetry: boolean,
  ) {
    this.couplings = new CouplingTable(tables);
    this.closers = new GroupCloses(tables, this, this.couplings);
  }

  /** How many group states have been met. */
  get count(): number {
    let n = 0;
    for (const s of this.stores.values()) n += s.rows.size;
    return n;
  }

  private store(size: number): GroupStore {
    let s = this.stores.get(size);
    if (s === undefined) {
      s = new GroupStore(size);
      this.stores.set(size, s);
    }
    return s;
  }

  private locate(id: number): { store: GroupStore; index: number } {
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
      if (ties) [perm, coupling] = this.couplings.leastCoupling(byNumber, members, c);
      else {
        byNumber.forEach((old, pos) => (perm[old] = pos));
        coupling = this.couplings.rename(c, perm);
      }
    }
    const store = this.store(m);
    const row = this.row;
    members.forEach((x, j) => (row[perm[j] as number] = x));
    row[m] = coupling;
    const r = store.rows.add(row.subarray(0, m + 1), -1);
    return GROUP_BASE + m * SIZE_STRIDE + (r >= 0 ? r : -r - 1);
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

  private computeMoves(id: number, store: GroupStore, index: number): number {
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
        const to = this.make(next, this.couplings.moved(c, j, x, move.next));
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
      const out = this.closers.of(members, c);
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
