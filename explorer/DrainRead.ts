/**
 * What the drain's read of `closedFlows` means for one group: whether it may fire, waits on a held
 * lock or on records not yet stored, and the group it leaves. LocalTables.ts and GroupTables.ts
 * memoise one per group.
 *
 * Leaves out: the other groups (the read acts on each apart: abstraction.ts A4).
 */

/**
 * What the drain's read means for one group.
 *
 * @example
 * const d: DrainRead = { closed: false, holds: false, waits: false, next: 3 };
 * d.next //=> 3
 */
export interface DrainRead {
  /** The group has a flow in `closedFlows` (the read may fire). */
  readonly closed: boolean;
  /** The drain holds records of the group (no read until they are stored). */
  readonly holds: boolean;
  /** A closed flow's lock is held: the read waits. */
  readonly waits: boolean;
  /** The group after the read (itself when it had nothing closed). */
  readonly next: number;
}
