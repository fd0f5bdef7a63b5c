/**
 * What ties the flows of one tuple group together, beside each flow's own share (abstraction.ts
 * A4): their relative order in `openFlows` and `closedFlows`, in the drain's held records, among
 * the non-empty records of the client's closed buffer and in the poll's captured records, and the
 * tuple's backend totals. A group of several flows is stored as each member's own share (a local
 * state of one flow, with no totals) and this coupling; `split` and `join` go between the two forms.
 *
 * Leaves out: the order of the buffer's empty records (never read: A4) and everything a member
 * owns alone.
 */
import { isEmpty } from '../engine/agent/ConnectionStats.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import { normalBuffer } from './normalBuffer.js';
import type { Entry, LocalState } from './LocalState.js';

/** The orders among a group's members, and its tuple's totals. */
export interface Coupling {
  readonly open: readonly number[];
  readonly closed: readonly number[];
  readonly held: readonly number[];
  /** Members with a non-empty closed-buffer record, in the buffer's order. */
  readonly full: readonly number[];
  readonly captured: readonly number[];
  readonly totals: ConnectionTotals | null;
}

/**
 * A tuple's totals, nothing shipped written as none: every reader takes a missing entry as zeros
 * (`totalsOf`, FailuresWithinCloses, RateAtMost100's sum), so the two are one state.
 */
export const zeroAsNone = (t: ConnectionTotals | null): ConnectionTotals | null =>
  t !== null && t.closes === 0 && t.failures === 0 ? null : t;

/** The interning key of a coupling. */
export const couplingKey = (c: Coupling): string =>
  `${c.open.join(',')}|${c.closed.join(',')}|${c.held.join(',')}|${c.full.join(',')}|${c.captured.join(',')}|${c.totals === null ? '-' : `${c.totals.closes},${c.totals.failures}`}`;

/** The coupling with member j renamed `perm[j]`. */
export function renameCoupling(c: Coupling, perm: readonly number[]): Coupling {
  const to = (xs: readonly number[]) => xs.map((j) => perm[j] as number);
  return {
    open: to(c.open),
    closed: to(c.closed),
    held: to(c.held),
    full: to(c.full),
    captured: to(c.captured),
    totals: c.totals,
  };
}

const own = (es: readonly Entry[], j: number): Entry[] =>
  es.filter((e) => e.member === j).map((e) => ({ member: 0, record: e.record }));

/**
 * A group's share as each member's own share (numbered as a group of one, with no totals) and the
 * coupling.
 *
 * @example
 * split(s).members.length === s.members.length //=> true
 */
export function split(s: LocalState): { members: LocalState[]; coupling: Coupling } {
  const members = s.members.map((m, j): LocalState => ({
    members: [m],
    open: s.open.includes(j) ? [0] : [],
    closed: s.closed.filter((k) => k === j).map(() => 0),
    held: own(s.held, j),
    buffer: own(s.buffer, j),
    polling: s.polling,
    captured: own(s.captured, j),
    registered: s.registered,
    totals: null,
  }));
  const coupling: Coupling = {
    open: s.open,
    closed: s.closed,
    held: s.held.map((e) => e.member),
    full: s.buffer.filter((e) => !isEmpty(e.record)).map((e) => e.member),
    captured: s.captured.map((e) => e.member),
    totals: zeroAsNone(s.totals),
  };
  return { members, coupling };
}

/** The entries of `members` in the order `order` names them (each use takes a member's next one). */
function ordered(
  members: readonly LocalState[],
  pick: (m: LocalState) => readonly Entry[],
  order: readonly number[],
): Entry[] {
  const used = new Array<number>(members.length).fill(0);
  return order.map((j) => {
    const k = used[j] ?? 0;
    used[j] = k + 1;
    const e = pick(members[j] as LocalState)[k];
    if (e === undefined) throw new Error(`explorer: the coupling names a record member ${j} lacks`);
    return { member: j, record: e.record };
  });
}

/**
 * The group's share from its members' own shares and the coupling.
 *
 * @example
 * join(split(s).members, split(s).coupling) //=> s (in normal form)
 */
export function join(members: readonly LocalState[], c: Coupling): LocalState {
  const first = members[0] as LocalState;
  const empties = members.flatMap((m, j) =>
    m.buffer.filter((e) => isEmpty(e.record)).map((e) => ({ member: j, record: e.record })),
  );
  return {
    members: members.map((m) => m.members[0] as LocalState['members'][number]),
    open: c.open,
    closed: c.closed,
    held: ordered(members, (m) => m.held, c.held),
    buffer: normalBuffer([
      ...ordered(members, (m) => m.buffer.filter((e) => !isEmpty(e.record)), c.full),
      ...empties,
    ]),
    polling: first.polling,
    captured: ordered(members, (m) => m.captured, c.captured),
    registered: first.registered,
    totals: c.totals,
  };
}

/** `xs` without the first `n` occurrences of `j`. */
function removeFirst(xs: readonly number[], j: number, n: number): number[] {
  let left = n;
  return xs.filter((x) => (x === j && left > 0 ? (left--, false) : true));
}

/** How many entries a member has in each table and list (its share of a coupling). */
export interface Counts {
  readonly open: number;
  readonly closed: number;
  readonly held: number;
  /** Non-empty closed-buffer records. */
  readonly full: number;
  readonly buffer: number;
  readonly captured: number;
}

/** The counts of a member's own share. */
export const countsOf = (s: LocalState): Counts => ({
  open: s.open.length,
  closed: s.closed.length,
  held: s.held.length,
  full: s.buffer.filter((e) => !isEmpty(e.record)).length,
  buffer: s.buffer.length,
  captured: s.captured.length,
});

/**
 * The coupling after member `j`'s own step changed its counts from `before` to `after`: an entry
 * to a table or list goes to its end (`openFlows` on establish, `closedFlows` on the move, a
 * stored non-empty record after the buffer's non-empty ones), an exit leaves the rest in order.
 *
 * @example
 * afterMove(c, 1, countsOf(absent), countsOf(established)).open //=> [...c.open, 1]
 */
export function afterMove(c: Coupling, j: number, before: Counts, after: Counts): Coupling {
  const grow = (xs: readonly number[], b: number, a: number): readonly number[] =>
    a > b ? [...xs, ...new Array<number>(a - b).fill(j)] : a < b ? removeFirst(xs, j, b - a) : xs;
  if (after.captured !== before.captured || after.held > before.held)
    throw new Error('explorer: a flow step changed the poll or added a held record');
  if (after.full > before.full && after.buffer === before.buffer)
    throw new Error(
      'explorer: a closed record became non-empty in place (its buffer position is not kept)',
    );
  return {
    ...c,
    open: grow(c.open, before.open, after.open),
    closed: grow(c.closed, before.closed, after.closed),
    held: grow(c.held, before.held, after.held),
    full: grow(c.full, before.full, after.full),
  };
}
