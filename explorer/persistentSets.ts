/**
 * Persistent sets (Godefroid's selective search), opt-in with `explore --ample`: in a state where
 * some flow's moves all commute with the poll and change no verdict, the search follows that
 * flow's moves only and leaves the poll and the other flows for later, which prunes the states in
 * the middle of every diamond, not only the steps (as sleep sets do).
 *
 * A flow's moves are always independent of another flow's (each changes its own local state and
 * nothing else), so the one condition is the poll's. A flow in local state `a` is *transparent*
 * when, for each of its moves a → b:
 * - the move changes no safety verdict: the same per-flow safety bits and the same whole-state
 *   reads (invariantScope.ts); quiescence is judged on final states, which are all kept;
 * - the poll's next half-step commutes with it both ways: the targets of the flow's moves after
 *   the half-step are exactly the half-step's images of the targets before it, and a `readClosed`
 *   waits, ships and judges the same whether the move came first or not;
 * and the same holds, again, for the state the poll leaves the flow in, for every half-step the
 * poll may still take (the flow may sit still through several polls while others move).
 * Then the flow's moves form a persistent set: on every path that does not move the flow, each
 * step commutes with them, so every final state is reached at the depth it has in the full search,
 * and every violation is reached, though perhaps a few steps later than its shortest trace.
 * The breadth-first cycle proviso (a persistent set whose successor was stored at this depth or
 * earlier is widened to every move) keeps a move from being put off for ever.
 *
 * Leaves out: shortest traces (run without `--ample` for those), split searches, quiescence judged
 * on every state, and the production environment: there the drain's read and client churn act on
 * every flow at once, and a drain store or a churn step changes what a flow's move leads to, so
 * no flow is transparent in the sense above (bfs.ts refuses `ample` there).
 */
import type { LocalTables } from './LocalTables.js';

/** Whether a flow in a local state may be expanded alone, given the poll's phase and what is left of it. */
export type Transparency = (local: number, polling: boolean, halfStepsLeft: number) => boolean;

/**
 * @param readIdOf what the whole-state invariants read of a local state, as a number (equal
 * numbers, equal reads); null when some whole-state invariant does not say what it reads, and
 * then no flow is transparent.
 */
export function transparency(
  tables: LocalTables,
  readIdOf: ((local: number) => number) | null,
  polls: number,
): Transparency {
  // Memo by number (checked once per flow of every state): 0 unknown, 1 no, 2 yes.
  const span = 2 * (2 * polls + 1);
  let memo = new Uint8Array(1024);
  const closeText = (local: number): string | null => {
    const c = tables.pollCloseOne(local);
    if (c === null) return null;
    const { next: _next, ...shipped } = c;
    return JSON.stringify(shipped);
  };
  const invisible = (a: number, b: number): boolean =>
    tables.safety(a) === tables.safety(b) && readIdOf !== null && readIdOf(a) === readIdOf(b);
  const sameSet = (x: readonly number[], y: readonly number[]): boolean => {
    const sx = new Set(x);
    const sy = new Set(y);
    return sx.size === sy.size && [...sx].every((v) => sy.has(v));
  };

  const check: Transparency = (a, polling, left) => {
    const key = a * span + (polling ? 2 * polls + 1 : 0) + left;
    if (key >= memo.length) {
      const grown = new Uint8Array(Math.max(2 * memo.length, key + 1));
      grown.set(memo);
      memo = grown;
    }
    const known = memo[key]!;
    if (known !== 0) return known === 2;
    const targets = tables.moves(a).map((m) => m.next);
    let ok = targets.length > 0 && targets.every((b) => b !== a && invisible(a, b));
    if (ok && left > 0) {
      if (!polling) {
        const after = tables.pollOpenOne(a);
        ok =
          sameSet(
            tables.moves(after).map((m) => m.next),
            targets.map((b) => tables.pollOpenOne(b)),
          ) && check(after, true, left - 1);
      } else {
        const text = closeText(a);
        ok = targets.every((b) => closeText(b) === text);
        // A readClosed that waits for this flow's lock cannot happen while it stands still.
        if (ok && text !== null) {
          const after = tables.pollCloseOne(a)!.next;
          ok =
            sameSet(
              tables.moves(after).map((m) => m.next),
              targets.map((b) => tables.pollCloseOne(b)!.next),
            ) && check(after, false, left - 1);
        }
      }
    }
    memo[key] = ok ? 2 : 1;
    return ok;
  };
  return check;
}

/** The poll's half-steps still possible: its readClosed if one is due, then two per poll left. */
export const halfStepsLeft = (polling: boolean, pollsDone: number, polls: number): number =>
  polling ? 1 + 2 * (polls - pollsDone - 1) : 2 * (polls - pollsDone);
