/**
 * The invariants the explorer judges on whole states (invariantScope.ts: every one not judged per
 * group): the state is rebuilt from the groups' shares, with the poll's merged `lastPoll` after a
 * readClosed, and closed out for a quiescence invariant; under symmetry a quiescence invariant is
 * judged for every numbering of each group's members (abstraction.ts A6).
 *
 * Leaves out: memoisation (bfs.ts memoises the safety verdicts by what the invariants read).
 */
import type { EngineState } from '../engine/EngineState.js';
import type { Invariant } from '../invariants/Invariant.js';
import { renameMembers } from './renameMembers.js';
import { closedOut } from './closedOut.js';
import { isPerFlow } from './invariantScope.js';
import type { LocalTables, PollClose } from './LocalTables.js';
import type { Part } from './projectState.js';
import { assembleState, mergeLastPolls } from './projectState.js';
import { permutations } from './tableOrders.js';

/** Every way to number each part's members (the identity first). */
function numberings(parts: readonly Part[]): Part[][] {
  let out: Part[][] = [[]];
  for (const p of parts) {
    const perms = permutations(p.local.members.map((_, j) => j));
    out = out.flatMap((prefix) =>
      perms.map((perm) => [...prefix, { ...p, local: renameMembers(p.local, perm) }]),
    );
  }
  return out;
}

/**
 * Judges whole-state invariants on states given as local-state numbers.
 *
 * @example
 * new WholeStates(tables, invariants, true).judge(whole.safetyList, found, locals, g, null, false) //=> bits
 */
export class WholeStates {
  /** The whole-state safety invariants, with their bit numbers. */
  readonly safetyList: readonly (readonly [Invariant, number])[];
  /** The whole-state quiescence invariants, with their bit numbers. */
  readonly quiescenceList: readonly (readonly [Invariant, number])[];

  constructor(
    private readonly tables: LocalTables,
    invariants: readonly Invariant[],
    private readonly symmetry: boolean,
  ) {
    const whole = (when: Invariant['when']) =>
      invariants.flatMap((inv, k) =>
        !isPerFlow(inv) && inv.when === when ? [[inv, k] as const] : [],
      );
    this.safetyList = whole('everyStep');
    this.quiescenceList = whole('quiescence');
  }

  /**
   * The bits of the invariants of `list` (skipping those in `found`) violated by the state of
   * `locals` and shared state `g`; `closes`, when given, are the groups' readClosed results.
   */
  judge(
    list: readonly (readonly [Invariant, number])[],
    found: ReadonlyMap<number, unknown>,
    locals: Int32Array,
    g: number,
    closes: readonly (PollClose | null)[] | null,
    afterCloseOut: boolean,
  ): number {
    const todo = list.filter(([, k]) => !found.has(k));
    if (todo.length === 0) return 0;
    const { tables } = this;
    const n = locals.length;
    const places = tables.placesOf(locals, n);
    const parts: Part[] = places.map((place, j) => ({
      local: tables.local(locals[j] as number),
      place,
    }));
    const global = tables.shared.global(g);
    const lastPoll =
      closes === null
        ? null
        : mergeLastPolls(
            closes.map((c) => c?.lastPoll ?? null),
            places,
            global.polls,
          );
    const states: EngineState[] = [];
    const all = afterCloseOut && this.symmetry ? numberings(parts) : [parts];
    for (const ps of all) {
      const s = assembleState(tables.engine, ps, global, lastPoll);
      states.push(afterCloseOut ? closedOut(tables.engine, s) : s);
    }
    let bits = 0;
    for (const [inv, k] of todo) if (states.some((s) => !inv.check(s).ok)) bits |= 1 << k;
    return bits;
  }
}
