/**
 * The couplings of groups of several flows (Coupling.ts), interned, with what the explorer asks
 * of them again and again memoised by number: a coupling renamed by a numbering of the members,
 * the least of those renamings under symmetry (abstraction.ts A6), and the coupling after one
 * member's own step.
 *
 * Leaves out: the members' own shares (LocalTables.ts interns them).
 */
import type { Coupling, Counts } from './Coupling.js';
import { afterMove, countsOf, couplingKey, renameCoupling } from './Coupling.js';
import { Interned } from './Interned.js';
import type { LocalTables } from './LocalTables.js';
import { permutations } from './tableOrders.js';

/**
 * Interned couplings and their memoised renamings and moves.
 *
 * @example
 * const c = new CouplingTable(tables);
 * const none = { open: [], closed: [], held: [], full: [], captured: [], totals: null };
 * c.rename(c.intern(none), [1, 0]) === c.intern(none) //=> true
 */
export class CouplingTable {
  private readonly couplings = new Interned<Coupling>(couplingKey);
  private readonly renamed = new Map<string, number>();
  private readonly after = new Map<number, number>();
  private readonly counts = new Map<number, Counts>();

  constructor(private readonly tables: Pick<LocalTables, 'local'>) {}

  /** The number of coupling `c`. */
  intern(c: Coupling): number {
    return this.couplings.intern(c);
  }

  /** The coupling numbered `c`. */
  get(c: number): Coupling {
    return this.couplings.get(c);
  }

  /** Coupling `c` with member j renamed `perm[j]` (memoised). */
  rename(c: number, perm: readonly number[]): number {
    if (perm.every((p, j) => p === j)) return c;
    const key = `${c}:${perm.join(',')}`;
    let out = this.renamed.get(key);
    if (out === undefined) {
      out = this.couplings.intern(renameCoupling(this.couplings.get(c), perm));
      this.renamed.set(key, out);
    }
    return out;
  }

  /** Among the renamings that sort the members (`byNumber`: old indices in order), the least coupling. */
  leastCoupling(
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

  private countsOf(member: number): Counts {
    let k = this.counts.get(member);
    if (k === undefined) {
      k = countsOf(this.tables.local(member));
      this.counts.set(member, k);
    }
    return k;
  }

  /** The coupling after member `j` went from local state `from` to `to` (memoised by the change). */
  moved(c: number, j: number, from: number, to: number): number {
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
}
