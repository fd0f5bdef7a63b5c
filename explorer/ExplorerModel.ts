/**
 * The explorer's states as a model the checker can search (checker/SearchModel.ts): a key is the
 * shared state's number and the groups' local-state numbers (encodeState.ts), sorted under
 * symmetry (canonicalise.ts); the successors are each group's own moves (with the sleep sets of
 * sleepSets.ts, or the persistent sets of persistentSets.ts), the poll's two half-steps in every
 * table order that matters, the drain's read and client churn; the properties are the invariants,
 * bit k for `invariants[k]`. Every step is the engine's own `step()`, memoised per local state in
 * LocalTables.ts; abstraction.ts says why the keys are exact.
 *
 * Leaves out: the search itself (checker/), and turning keys back into events (traceOf.ts).
 */
import type { Invariant } from '../invariants/Invariant.js';
import type { Found, SearchModel, Successors } from './checker/SearchModel.js';
import { OLD } from './checker/SearchModel.js';
import { sortLocals } from './canonicalise.js';
import { keyWords, readKey, writeKey } from './encodeState.js';
import { SHARED_READS, WHOLE_STATE_READS } from './invariantScope.js';
import { stableJson } from './LocalState.js';
import type { LocalTables, PollClose } from './LocalTables.js';
import { halfStepsLeft, transparency } from './persistentSets.js';
import type { Transparency } from './persistentSets.js';
import { successorSleep } from './sleepSets.js';
import { WholeStates } from './WholeStates.js';

/** The reductions and modes a model is built with. */
export interface ModelOptions {
  readonly symmetry: boolean;
  readonly por: boolean;
  readonly ample: boolean;
  readonly quiescence: 'final' | 'everyState';
}

/** Local and move scratch arrays, grown as needed. */
class Moves {
  slot = new Int32Array(64);
  idx = new Int32Array(64);
  next = new Int32Array(64);
  count = 0;
  /** Moves of the lone group (persistent sets), listed first; 0 when there is none. */
  alone = 0;
  hasAlone = false;

  reserve(extra: number): void {
    if (this.count + extra <= this.slot.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2 + extra);
      b.set(a);
      return b;
    };
    this.slot = grow(this.slot);
    this.idx = grow(this.idx);
    this.next = grow(this.next);
  }
}

/** The explorer's search model over `tables`. */
export class ExplorerModel implements SearchModel {
  readonly words: number;
  /**
   * The shared state and the first two groups decide a state's worker: a move of any other group
   * stays with its worker, and the work still spreads evenly (measured: 50/50 on two workers).
   */
  readonly ownerWords: number;
  readonly whole: WholeStates;
  ampleStates = 0;
  slept = 0;
  /** Local states met, and the classes minimisation made of them (explorerModelOf.ts sets them). */
  figures = { localStates: 0, localClasses: 0 };
  /** Whether successors of states at `depth` keep their sleep sets (a split level's do not). */
  keepSleepAt: ((depth: number) => boolean) | null = null;
  private readonly n: number;
  /** Keys hold a word per group (some group has several flows: encodeState.ts). */
  readonly wide: boolean;
  private readonly cur: Int32Array;
  private readonly tmp: Int32Array;
  private readonly scratch: Uint32Array;
  private readonly closes: (PollClose | null)[];
  private readonly alts: (readonly number[] | readonly PollClose[])[];
  private readonly pick: Int32Array;
  private readonly moves = new Moves();
  private readonly declared: boolean;
  private readonly readIds: number[] = [];
  private readonly readIndex = new Map<string, number>();
  private readonly wholeMemo = new Map<number, number>();
  private readonly reads: Int32Array;
  private readonly transparent: Transparency | null;
  /** Local and shared states numbered when the model was sealed, or null. */
  private sealed: readonly [number, number] | null = null;
  /** The shared state of the key last written to `scratch` (judge reads it from `tmp`). */
  private scratchShared = -1;

  constructor(
    readonly tables: LocalTables,
    readonly invariants: readonly Invariant[],
    readonly options: ModelOptions,
    readonly found: ReadonlyMap<number, Found>,
  ) {
    const n = tables.places.length;
    this.n = n;
    this.wide = tables.places.some((p) => p.flows.length > 1);
    this.words = keyWords(n, this.wide);
    this.ownerWords = Math.min(this.words, 2);
    this.cur = new Int32Array(n);
    this.tmp = new Int32Array(n);
    this.reads = new Int32Array(n);
    this.scratch = new Uint32Array(this.words);
    this.closes = new Array<PollClose | null>(n).fill(null);
    this.alts = new Array<readonly number[] | readonly PollClose[]>(n).fill([]);
    this.pick = new Int32Array(n);
    this.whole = new WholeStates(tables, invariants, options.symmetry);
    // Whole-state safety verdicts depend only on what the invariants read (invariantScope.ts):
    // the shared state and each group's reads, whatever the groups' order. When every one of
    // them says what it reads, verdicts are memoised by that.
    this.declared = this.whole.safetyList.every(
      ([inv]) => WHOLE_STATE_READS[inv.name] !== undefined && SHARED_READS[inv.name] !== undefined,
    );
    this.transparent = options.ample
      ? transparency(
          tables,
          this.declared ? (l) => this.readIdOf(l) : null,
          tables.config.bounds.polls,
        )
      : null;
  }

  private readIdOf(l: number): number {
    let r = this.readIds[l];
    if (r === undefined) {
      const s = this.tables.local(l);
      const text = stableJson(
        this.whole.safetyList.map(([inv]) => WHOLE_STATE_READS[inv.name]?.(s)),
      );
      r = this.readIndex.get(text) ?? this.readIndex.size;
      this.readIndex.set(text, r);
      this.readIds[l] = r;
    }
    return r;
  }

  private wholeSafety(locals: Int32Array, g: number, pollClose: boolean): number {
    const list = this.whole.safetyList;
    if (list.length === 0) return 0;
    if (!this.declared) return this.judgeWhole(locals, g, pollClose);
    const { n, reads } = this;
    for (let j = 0; j < n; j++) reads[j] = this.readIdOf(locals[j] as number);
    sortLocals(reads, n);
    let key = g;
    for (let j = 0; j < n; j++) key = key * 256 + (reads[j] as number);
    if (!Number.isSafeInteger(key) || this.readIndex.size > 256)
      return this.judgeWhole(locals, g, pollClose);
    let bits = this.wholeMemo.get(key);
    if (bits === undefined) {
      bits = this.judgeWhole(locals, g, pollClose);
      this.wholeMemo.set(key, bits);
    }
    return bits;
  }

  private judgeWhole(locals: Int32Array, g: number, pollClose: boolean): number {
    const closes = pollClose ? this.closes : null;
    return this.whole.judge(this.whole.safetyList, this.found, locals, g, closes, false);
  }

  /** Safety verdicts; after a readClosed the per-group results of `closes` (in group order) apply. */
  private safety(locals: Int32Array, g: number, pollClose: boolean): number {
    let bits = 0;
    for (let j = 0; j < this.n; j++) {
      bits |= pollClose
        ? (this.closes[j] as PollClose).violations
        : this.tables.safety(locals[j] as number);
    }
    return bits | this.wholeSafety(locals, g, pollClose);
  }

  private quiescent(locals: Int32Array, g: number): number {
    let bits = 0;
    for (let j = 0; j < this.n; j++) bits |= this.tables.quiescence(locals[j] as number);
    return bits | this.whole.judge(this.whole.quiescenceList, this.found, locals, g, null, true);
  }

  /** From now on, counts the states numbered (compileTables.ts numbered every one before). */
  seal(): void {
    this.sealed = [this.tables.localCount, this.tables.shared.count];
  }

  drift(): number {
    const s = this.sealed;
    return s === null ? 0 : this.tables.localCount - s[0] + (this.tables.shared.count - s[1]);
  }

  about(): Readonly<Record<string, number>> {
    return this.figures;
  }

  counters(): Readonly<Record<string, number>> {
    return { sleptMoves: this.slept, statesExpandedAlone: this.ampleStates };
  }

  initial(key: Uint32Array): void {
    const { tables, tmp, n } = this;
    tables.places.forEach((p, j) => (tmp[j] = tables.absentOf(p.flows.length)));
    if (this.options.symmetry) sortLocals(tmp, n);
    writeKey(key, 0, tables.shared.start, tmp, n, this.wide);
    this.scratchShared = -1;
  }

  judge(key: Uint32Array): number {
    // A key the model has just written is judged from its unpacked form.
    let g = this.scratchShared;
    if (key !== this.scratch || g < 0) g = readKey(key, 0, this.n, this.tmp, this.wide);
    let bits = this.safety(this.tmp, g, false);
    if (this.options.quiescence === 'everyState') bits |= this.quiescent(this.tmp, g);
    return bits;
  }

  /** Adds the state of `tmp` and shared state `g` (taken by a step every group takes part in). */
  private arriveShared(g: number, stepBits: number, to: Successors): void {
    if (this.options.symmetry) sortLocals(this.tmp, this.n);
    writeKey(this.scratch, 0, g, this.tmp, this.n, this.wide);
    this.scratchShared = g;
    // Such a step never sleeps: its successor's sleep set is empty.
    if (to.add(this.scratch, stepBits) !== OLD) to.annotate(0);
  }

  /**
   * The next combination of the groups' alternatives (one per table order that matters) in
   * `alts`, counting `pick` up; false once every combination has been taken.
   */
  private nextPick(): boolean {
    const { pick, alts, n } = this;
    for (let j = 0; j < n; j++) {
      pick[j] = (pick[j] as number) + 1;
      if ((pick[j] as number) < (alts[j] as readonly unknown[]).length) return true;
      pick[j] = 0;
    }
    return false;
  }

  private pollOpen(g: number, to: Successors): void {
    const { tables, alts, cur, tmp, pick, n } = this;
    for (let j = 0; j < n; j++) alts[j] = tables.pollOpen(cur[j] as number);
    const g2 = tables.shared.pollStarted(g);
    pick.fill(0);
    do {
      for (let j = 0; j < n; j++)
        tmp[j] = (alts[j] as readonly number[])[pick[j] as number] as number;
      this.arriveShared(g2, 0, to);
    } while (this.nextPick() && !to.stopped);
  }

  private pollClose(g: number, to: Successors): void {
    const { tables, alts, closes, tmp, pick, n } = this;
    pick.fill(0);
    do {
      let g2 = g;
      for (let j = 0; j < n; j++) {
        const c = (alts[j] as readonly PollClose[])[pick[j] as number] as PollClose;
        closes[j] = c;
        tmp[j] = c.next;
        g2 = tables.shared.addDelta(g2, c.delta);
      }
      g2 = tables.shared.pollEnded(g2);
      // Judged in group order, since the per-group poll results are; then canonicalised.
      this.arriveShared(g2, this.safety(tmp, g2, true), to);
    } while (this.nextPick() && !to.stopped);
  }

  /** The drain's read: when some group has a closed flow, none holds records and none waits. */
  private drainEnabled(): boolean {
    if (!this.tables.features.asyncDrain) return false;
    let closed = false;
    for (let j = 0; j < this.n; j++) {
      const d = this.tables.drainRead(this.cur[j] as number);
      if (d.holds || d.waits) return false;
      closed ||= d.closed;
    }
    return closed;
  }

  /** The first group whose moves may be expanded alone (persistent sets), or -1. */
  private aloneGroup(polling: boolean, polls: number): number {
    if (this.transparent === null) return -1;
    const left = halfStepsLeft(polling, polls, this.tables.config.bounds.polls);
    for (let j = 0; j < this.n; j++)
      if (this.transparent(this.cur[j] as number, polling, left)) return j;
    return -1;
  }

  /** Lists the groups' moves (the lone group's first): one list per distinct local state under symmetry. */
  private listMoves(alone: number): void {
    const { moves, cur, tables, n } = this;
    moves.count = 0;
    moves.alone = 0;
    moves.hasAlone = alone >= 0;
    for (let i = alone < 0 ? 0 : -1; i < n; i++) {
      const j = i < 0 ? alone : i;
      if (i >= 0 && j === alone) continue;
      if (this.options.symmetry && j > 0 && cur[j] === cur[j - 1]) continue;
      const l = cur[j] as number;
      const count = tables.moveCount(l);
      moves.reserve(count);
      for (let m = 0; m < count; m++) {
        moves.slot[moves.count] = j;
        moves.idx[moves.count] = m;
        moves.next[moves.count] = tables.moveTarget(l, m);
        moves.count++;
      }
      if (i < 0) moves.alone = moves.count;
    }
  }

  /** Whether the poll can take its next half-step (alternatives of a readClosed in `alts`). */
  private pollEnabled(polling: boolean, polls: number): boolean {
    if (!polling) return polls < this.tables.config.bounds.polls;
    for (let j = 0; j < this.n; j++) {
      const c = this.tables.pollClose(this.cur[j] as number);
      if (c === null) return false; // a closed flow's lock is held: the read waits
      this.alts[j] = c;
    }
    return true;
  }

  /**
   * The groups' own moves; returns true when every other step must be expanded too (always, but
   * with persistent sets when the lone group's moves are expanded alone and none closes a cycle).
   */
  private ownMoves(g: number, sleep: number, depth: number, to: Successors): boolean {
    const { moves, cur, tmp, n, tables } = this;
    const symmetry = this.options.symmetry;
    const keepSleep = this.options.por && (this.keepSleepAt?.(depth) ?? true);
    // Persistent set: the lone group's moves, widened to every move when one of them leads to a
    // state stored at this depth or earlier (the breadth-first cycle proviso).
    let widen = !moves.hasAlone;
    for (let k = 0; k < moves.count; k++) {
      if (k === moves.alone && !widen) break;
      if (k < 32 && ((sleep >>> k) & 1) !== 0) {
        this.slept++;
        continue;
      }
      for (let j = 0; j < n; j++) tmp[j] = cur[j] as number;
      tmp[moves.slot[k] as number] = moves.next[k] as number;
      if (symmetry) sortLocals(tmp, n);
      writeKey(this.scratch, 0, g, tmp, n, this.wide);
      this.scratchShared = g;
      const r = to.add(this.scratch, 0);
      if (r !== OLD) {
        // With nothing explored before this move and nothing asleep, the sleep set is empty.
        const mask =
          keepSleep && (k > 0 || sleep !== 0)
            ? successorSleep(
                tables,
                cur,
                tmp,
                n,
                symmetry,
                sleep,
                k,
                moves.slot,
                moves.idx,
                moves.count,
              )
            : 0;
        to.annotate(mask);
      } else if (k < moves.alone) widen = true;
      if (to.stopped) break;
    }
    return widen;
  }

  expand(key: Uint32Array, sleep: number, depth: number, to: Successors): void {
    const { tables, cur, tmp, n } = this;
    const g = readKey(key, 0, n, cur, this.wide);
    const gs = tables.shared.global(g);
    this.listMoves(this.aloneGroup(gs.polling, gs.polls));
    const poll = this.pollEnabled(gs.polling, gs.polls);
    const drain = this.drainEnabled();
    if (this.moves.count === 0 && !poll && !drain) {
      // Final: nothing but client churn can happen (abstraction.ts A10).
      to.final(this.options.quiescence === 'final' ? this.quiescent(cur, g) : 0);
      if (!tables.features.clientChurn) return;
    }
    const por = this.options.por ? sleep : 0;
    const widen = this.ownMoves(g, por, depth, to);
    const { moves } = this;
    if (!widen && (moves.alone < moves.count || poll)) this.ampleStates++;
    if (!widen || to.stopped) return;
    if (poll) {
      if (gs.polling) this.pollClose(g, to);
      else this.pollOpen(g, to);
    }
    if (drain && !to.stopped) {
      for (let j = 0; j < n; j++) tmp[j] = tables.drainRead(cur[j] as number).next;
      this.arriveShared(g, 0, to);
    }
    if (tables.features.clientChurn && !to.stopped) {
      for (let j = 0; j < n; j++) tmp[j] = tables.churn(cur[j] as number);
      this.arriveShared(tables.shared.churned(g), 0, to);
    }
  }
}
