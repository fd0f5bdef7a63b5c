/**
 * Partial-order reduction by sleep sets (Godefroid): two moves of different flows commute (each
 * touches only its own flow's share of the state; neither is the poll), so after exploring move a
 * then b from a state, the search need not explore b then a. A state's sleep set holds the moves
 * whose other order was already explored; a move in it is skipped. Sleep sets prune steps, never
 * states: every reachable state is still stored, at its breadth-first depth, so verdicts and
 * shortest traces are those of the full search (the tests compare both).
 *
 * Leaves out: persistent sets, which would also prune states but make traces longer than the
 * shortest. The poll is dependent on every move and never sleeps. A state is expanded once with
 * the intersection of the sleep sets it arrived with from the level before (arrivals by longer
 * paths come after it was expanded and are ignored); a move beyond bit 31 is never put to sleep.
 */
import type { LocalTables } from './LocalTables.js';

/**
 * The sleep set of the state reached by move `k` of a state with locals `cur` and sleep set
 * `sleep`: the moves explored before `k` there, or asleep there, that belong to another flow,
 * renumbered in the new state's move list (`next`, canonical under symmetry).
 *
 * @example
 * // from a state whose flows 1 and 2 can each move, after exploring flow 1's move first:
 * successorSleep(tables, cur, next, 2, false, 0, 1, slots, idx, 2) //=> bit of flow 1's move
 */
export function successorSleep(
  tables: LocalTables,
  cur: Int32Array,
  next: Int32Array,
  n: number,
  symmetry: boolean,
  sleep: number,
  k: number,
  moveSlot: Int32Array,
  moveIdx: Int32Array,
  nMoves: number,
): number {
  const taken = moveSlot[k] as number;
  const takenLocal = cur[taken] as number;
  // Counted and laid out only once a move can stay asleep (often none can).
  let copies = -1;
  let laidOut = false;
  let mask = 0;
  for (let q = 0; q < nMoves; q++) {
    if (q === k || (q > k && (q >= 32 || ((sleep >>> q) & 1) === 0))) continue;
    const slot = moveSlot[q] as number;
    const local = cur[slot] as number;
    // Same flow as the move taken: dependent, it wakes up. Under symmetry a move of a local
    // state that several flows share stays asleep: it stands for another flow's move.
    if (symmetry) {
      if (local === takenLocal) {
        if (copies < 0) {
          copies = 0;
          for (let j = 0; j < n; j++) if (cur[j] === takenLocal) copies++;
        }
        if (copies === 1) continue;
      }
    } else if (slot === taken) continue;
    let j = slot;
    if (symmetry) for (j = 0; j < n && next[j] !== local; j++);
    if (j >= n) continue;
    if (!laidOut) {
      layOut(tables, next, n, symmetry);
      laidOut = true;
    }
    const bit = (offsets[j] as number) + (moveIdx[q] as number);
    if (bit < 32) mask |= 1 << bit;
  }
  return mask;
}

/** Where each group's moves begin in the move list of the state with locals `next`. */
function layOut(tables: LocalTables, next: Int32Array, n: number, symmetry: boolean): void {
  let acc = 0;
  for (let j = 0; j < n; j++) {
    if (symmetry && j > 0 && next[j] === next[j - 1]) {
      offsets[j] = offsets[j - 1] as number;
      continue;
    }
    offsets[j] = acc;
    acc += tables.moveCount(next[j] as number);
  }
}

const offsets = new Int32Array(64);
