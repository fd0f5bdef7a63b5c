/**
 * The groups of several flows of one size, as GroupTables.ts stores them: each group state a row
 * of its members' numbers and its coupling's in a typed-array table, and one memo per step or
 * verdict indexed by the row's number, so that a group's memoised steps cost no JavaScript object.
 *
 * Leaves out: what the rows mean (GroupTables.ts composes and interns them).
 */
import { IntMemo } from './IntMemo.js';
import { VisitedSet } from './VisitedSet.js';

/** Group numbers of each size: `GROUP_BASE + size · SIZE_STRIDE + index` (GroupTables.ts). */
export const SIZE_STRIDE = 1 << 26;

/**
 * The groups of one size: their rows (members, then coupling) and their memoised steps.
 *
 * @example
 * const s = new GroupStore(2); s.rows.add(Uint32Array.of(0, 1, 0), -1) //=> 0 (the first group of two flows)
 */
export class GroupStore {
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
