/**
 * The exhaustive breadth-first search: every interleaving of the engine's step-level events within
 * the bounds, over the abstraction of abstraction.ts, with symmetry reduction (canonicalise.ts) and
 * sleep-set partial-order reduction (sleepSets.ts). Safety invariants are judged on every state
 * (and on every poll that completes), quiescence ones on every final state after `closeOut` (or on
 * every state, for the shortest prefix whose close-out fails). Breadth-first order makes each
 * violation's trace a shortest one.
 *
 * Leaves out: liveness, and several workers (one thread; `--shard` splits the work across
 * processes instead).
 */
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import type { Invariant } from '../properties/invariants/Invariant.js';
import { invariants as ALL_INVARIANTS } from '../properties/invariants/index.js';
import type { ExploreConfig } from './bounds.js';
import { fingerprint, sortLocals } from './canonicalise.js';
import { keyWords, readKey, writeKey } from './encodeState.js';
import { isPerFlow, SHARED_READS, WHOLE_STATE_READS } from './invariantScope.js';
import { stableJson } from './LocalState.js';
import type { LocalMove, PollClose } from './LocalTables.js';
import { closedOut } from './closedOut.js';
import { LocalTables } from './LocalTables.js';
import { minimiseLocals } from './minimiseLocals.js';
import { assembleState, mergeLastPolls } from './projectState.js';
import { canReach, ownedProfiles } from './shard.js';
import { successorSleep } from './sleepSets.js';
import { halfStepsLeft, transparency } from './persistentSets.js';
import { eventsTo } from './traceOf.js';
import { VisitedSet } from './VisitedSet.js';

/** Where quiescence invariants are judged. */
export type QuiescenceMode = 'final' | 'everyState';

/** One shard of a split search: `index` from 1 to `count`. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** Progress, reported about once a second. */
export interface Progress {
  readonly generated: number;
  readonly distinct: number;
  readonly queue: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** Canonicalise states under permutation of flows. @defaultValue true */
  readonly symmetry?: boolean;
  /** Sleep-set partial-order reduction. @defaultValue true */
  readonly por?: boolean;
  /**
   * Persistent sets (persistentSets.ts): fewer states, the same verdicts, traces not always the
   * shortest. Replaces the sleep sets; not with a shard or quiescence on every state. @defaultValue false
   */
  readonly ample?: boolean;
  /** Merge behaviourally equivalent local states (minimiseLocals.ts). @defaultValue true from two flows on */
  readonly minimise?: boolean;
  /** Stop once this many distinct states are stored. @defaultValue no limit */
  readonly maxStates?: number;
  /** Judge quiescence invariants on final states only, or on every state. @defaultValue 'final' */
  readonly quiescence?: QuiescenceMode;
  /** The invariants judged. @defaultValue every engine invariant */
  readonly invariants?: readonly Invariant[];
  /** Stop as soon as this invariant's shortest violation is known. */
  readonly stopWhenFound?: string;
  /** Stop at the first violation of any invariant (TLC's and SPIN's default). @defaultValue false */
  readonly stopAtFirst?: boolean;
  /** Explore one shard's share only. */
  readonly shard?: ShardSpec;
  /** Keep every stored state's content fingerprint (for `--fingerprints`). */
  readonly fingerprints?: boolean;
  readonly onProgress?: (p: Progress) => void;
  /** The clock, in milliseconds. @defaultValue performance.now */
  readonly now?: () => number;
}

/** A violated invariant and a shortest trace to it. */
export interface Violation {
  readonly invariant: Invariant;
  /** Events in the trace (its length). */
  readonly depth: number;
  readonly events: readonly Event[];
}

/** How a shard split the search (shard.ts). */
export interface ShardReport extends ShardSpec {
  /** By end profile, or (more shards than profiles) by the states of the first wide level. */
  readonly strategy: 'ends' | 'firstLevel';
  /** 'ends': the numbers of resets this shard owns. */
  readonly profiles: readonly number[];
  /** 'firstLevel': the level split (-1: no level was wide enough, so nothing was split). */
  readonly level: number;
  /** 'firstLevel': states at that level, and how many this shard expanded. */
  readonly levelStates: number;
  readonly roots: number;
  /** States this shard stored but left to other shards. */
  readonly leftToOthers: number;
}

/** What a search found, in the manner of TLC's summary. */
export interface ExploreResult {
  readonly config: ExploreConfig;
  readonly symmetry: boolean;
  readonly por: boolean;
  readonly minimise: boolean;
  readonly quiescence: QuiescenceMode;
  /** Successor states computed (with repeats), plus the initial state. */
  readonly generated: number;
  readonly distinctStates: number;
  /** States stored but not expanded (0 when the search is complete). */
  readonly queueLeft: number;
  /** Events on the longest shortest path (the last level reached). */
  readonly depth: number;
  readonly finalStates: number;
  readonly complete: boolean;
  readonly wallMs: number;
  /** Distinct states per second. */
  readonly statesPerSecond: number;
  readonly generatedPerSecond: number;
  /** Moves skipped because their state's sleep set held them (partial-order reduction). */
  readonly sleptMoves: number;
  /** Persistent sets were used: verdicts exact, traces possibly longer than the shortest. */
  readonly ample: boolean;
  /** States expanded through one flow's moves alone (persistent sets). */
  readonly statesExpandedAlone: number;
  /** Local states met (the size of the compiled transition table). */
  readonly localStates: number;
  /** Classes of equivalent local states the search used (equal to `localStates` without minimisation). */
  readonly localClasses: number;
  readonly bytes: number;
  /** Violated invariants in the order given, each with a shortest trace (with `ample`, a trace). */
  readonly violations: readonly Violation[];
  readonly shard?: ShardReport;
  /** Per stored state when asked for: its content fingerprint (two words) and its depth. */
  readonly fingerprints?: Uint32Array;
}

/** Where a violation was first seen: a stored state, or a poll step from a stored state. */
interface Found {
  readonly depth: number;
  readonly state: number;
  /** The poll step's target key, or null when the violation is the stored state's own. */
  readonly key: Uint32Array | null;
}

/** Words per state in {@link ExploreResult.fingerprints}. */
export const FP_WORDS = 3;

const POLL_NONE = 0;
const POLL_OPEN = 1;
const POLL_CLOSE = 2;

/**
 * Explores every interleaving within the bounds.
 *
 * @example
 * const r = explore({ driver: original, agent: prefix, bounds: { ...DEFAULT_BOUNDS, flows: 2, layers: 1 } });
 * r.violations.map((v) => `${v.invariant.name} ${v.depth}`) //=> ['FailuresWithinCloses 7', 'RateAtMost100 7', ...]
 */
export function explore(config: ExploreConfig, options: ExploreOptions = {}): ExploreResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const symmetry = options.symmetry ?? true;
  const quiescence = options.quiescence ?? 'final';
  const ample = options.ample === true;
  if (ample && (options.shard !== undefined || quiescence !== 'final'))
    throw new Error('explorer: persistent sets need an unsplit search with quiescence on final states');
  const por = !ample && (options.por ?? true);
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const invariants = options.invariants ?? ALL_INVARIANTS;
  const stopIndex =
    options.stopWhenFound === undefined
      ? -1
      : invariants.findIndex((i) => i.name === options.stopWhenFound);
  const shard = options.shard;
  const N = config.bounds.flows;
  const P = config.bounds.polls;
  const W = keyWords(N);
  const tables = new LocalTables(config, invariants);
  // With one flow the search visits each local state once anyway: merging them costs more than
  // it saves, so it is done from two flows on (the verdicts are the same either way).
  const minimise = options.minimise ?? N > 1;
  const classes = minimise ? minimiseLocals(tables) : null;
  const visited = new VisitedSet(W);
  const whole = (when: Invariant['when']) =>
    invariants.flatMap((inv, k) =>
      !isPerFlow(inv) && inv.when === when ? [[inv, k] as const] : [],
    );
  const globalSafety = whole('everyStep');
  const globalQuiescence = whole('quiescence');
  const found = new Map<number, Found>();

  // Per stored state: its content fingerprint (two words) and its depth (FP_WORDS in all).
  let fps = options.fingerprints === true || shard !== undefined ? new Uint32Array(3 * 1024) : null;
  const fpOf = (id: number, locals: Int32Array, g: number, at: number): void => {
    if (fps === null) return;
    if (FP_WORDS * id + FP_WORDS > fps.length) {
      const grown = new Uint32Array(fps.length * 2);
      grown.set(fps);
      fps = grown;
    }
    const hashes: (readonly [number, number])[] = [];
    for (let j = 0; j < N; j++) hashes.push(tables.localHash(locals[j] as number));
    fingerprint(tables.globalHash(g), hashes, symmetry, fps, FP_WORDS * id);
    fps[FP_WORDS * id + 2] = at;
  };

  const cur = new Int32Array(N);
  const tmp = new Int32Array(N);
  const scratch = new Uint32Array(W);
  const closes: (PollClose | null)[] = new Array<PollClose | null>(N).fill(null);
  let moveSlot = new Int32Array(64);
  let moveIdx = new Int32Array(64);
  let moveNext = new Int32Array(64);

  let stopped = false;
  const record = (bits: number, state: number, key: Uint32Array | null, at: number): void => {
    for (let k = 0; bits !== 0; k++, bits >>>= 1) {
      if ((bits & 1) === 0 || found.has(k)) continue;
      found.set(k, { depth: at, state, key: key === null ? null : key.slice() });
      if (k === stopIndex || options.stopAtFirst === true) stopped = true;
    }
  };

  // Invariants judged on the whole state, skipped once their shortest violation is known.
  const judgeWhole = (
    list: readonly (readonly [Invariant, number])[],
    locals: Int32Array,
    g: number,
    pollClose: boolean,
    afterCloseOut: boolean,
  ): number => {
    let bits = 0;
    let state: EngineState | null = null;
    for (const [inv, k] of list) {
      if (found.has(k)) continue;
      if (state === null) {
        const parts = Array.from(locals, (l) => tables.local(l));
        const lastPoll = pollClose
          ? mergeLastPolls(
              closes.map((c) => c?.lastPoll ?? null),
              tables.global(g).polls,
            )
          : null;
        state = assembleState(tables.engine, parts, tables.global(g), lastPoll);
        if (afterCloseOut) state = closedOut(tables.engine, state);
      }
      if (!inv.check(state).ok) bits |= 1 << k;
    }
    return bits;
  };

  // Whole-state safety verdicts depend only on what the invariants read (invariantScope.ts): the
  // shared state and each flow's reads, whatever the flows' order. When every one of them says
  // what it reads, verdicts are memoised by that.
  const declared = globalSafety.every(
    ([inv]) => WHOLE_STATE_READS[inv.name] !== undefined && SHARED_READS[inv.name] !== undefined,
  );
  const readIds: number[] = [];
  const readIndex = new Map<string, number>();
  const readIdOf = (l: number): number => {
    let r = readIds[l];
    if (r === undefined) {
      const s = tables.local(l);
      const text = stableJson(globalSafety.map(([inv]) => WHOLE_STATE_READS[inv.name]?.(s)));
      r = readIndex.get(text) ?? readIndex.size;
      readIndex.set(text, r);
      readIds[l] = r;
    }
    return r;
  };
  const wholeMemo = new Map<number, number>();
  const reads = new Int32Array(N);
  const wholeSafety = (locals: Int32Array, g: number, pollClose: boolean): number => {
    if (globalSafety.length === 0) return 0;
    if (!declared) return judgeWhole(globalSafety, locals, g, pollClose, false);
    for (let j = 0; j < N; j++) reads[j] = readIdOf(locals[j] as number);
    sortLocals(reads, N);
    let key = g;
    for (let j = 0; j < N; j++) key = key * 256 + (reads[j] as number);
    if (!Number.isSafeInteger(key) || readIndex.size > 256)
      return judgeWhole(globalSafety, locals, g, pollClose, false);
    let bits = wholeMemo.get(key);
    if (bits === undefined) {
      bits = judgeWhole(globalSafety, locals, g, pollClose, false);
      wholeMemo.set(key, bits);
    }
    return bits;
  };

  const transparent = ample ? transparency(tables, declared ? readIdOf : null, P) : null;
  let ampleStates = 0;

  // Safety verdicts; after a readClosed the per-flow results of `closes` (in flow order) apply.
  const safety = (locals: Int32Array, g: number, pollClose: boolean): number => {
    let bits = 0;
    for (let j = 0; j < N; j++) {
      bits |= pollClose ? (closes[j] as PollClose).violations : tables.safety(locals[j] as number);
    }
    return bits | wholeSafety(locals, g, pollClose);
  };

  const quiescent = (locals: Int32Array, g: number): number => {
    let bits = 0;
    for (let j = 0; j < N; j++) bits |= tables.quiescence(locals[j] as number);
    return bits | judgeWhole(globalQuiescence, locals, g, false, true);
  };

  // The initial state: no flow established yet.
  tmp.fill(tables.absent);
  writeKey(scratch, 0, tables.start, tmp, N);
  visited.add(scratch, -1);
  fpOf(0, tmp, tables.start, 0);
  if (quiescence === 'everyState') record(quiescent(tmp, tables.start), 0, null, 0);
  let generated = 1;
  let slept = 0;
  let finalStates = 0;
  let depth = 0;
  let levelEnd = 1;
  let head = 0;
  let shardLevel = -1;
  let shardLevelStates = 0;
  let roots = 0;
  let leftToOthers = 0;
  // End profiles (shard.ts): each flow's end decided so far, per local state.
  const profiles = shard === undefined ? null : ownedProfiles(N, shard.count, shard.index);
  const decided: number[] = [];
  const decisionOf = (l: number): number => {
    let d = decided[l];
    if (d === undefined) {
      const status = tables.local(l).flow?.status ?? 'established';
      d = status === 'established' ? 0 : status === 'recvRst' ? 1 : 2;
      decided[l] = d;
    }
    return d;
  };
  let nextProgress = started + 1000;

  while (head < visited.size && !stopped) {
    if (head === levelEnd) {
      depth++;
      levelEnd = visited.size;
      if (
        shard !== undefined &&
        profiles === null &&
        shardLevel < 0 &&
        levelEnd - head >= 4 * shard.count
      ) {
        shardLevel = depth;
        shardLevelStates = levelEnd - head;
      }
    }
    if (visited.size >= maxStates) break;
    const id = head++;
    const g = readKey(visited.keys, id * W, N, cur);
    if (profiles !== null) {
      // A shard expands the states that can still end with one of its profiles.
      let resets = 0;
      let open = 0;
      for (let j = 0; j < N; j++) {
        const d = decisionOf(cur[j] as number);
        if (d === 0) open++;
        else if (d === 1) resets++;
      }
      if (!canReach(profiles, resets, open)) {
        leftToOthers++;
        continue;
      }
    } else if (shard !== undefined && depth === shardLevel && fps !== null) {
      // More shards than profiles: each expands its share of the split level (by content
      // fingerprint, so every shard agrees whatever numbers it gave the states).
      if ((fps[FP_WORDS * id] as number) % shard.count !== shard.index - 1) {
        leftToOthers++;
        continue;
      }
      roots++;
    }
    const gs = tables.global(g);

    // A transparent flow's moves come first: with persistent sets they may be all that is expanded.
    let alone = -1;
    if (transparent !== null) {
      const left = halfStepsLeft(gs.polling, gs.polls, P);
      for (let j = 0; j < N && alone < 0; j++) if (transparent(cur[j] as number, gs.polling, left)) alone = j;
    }
    // Flow moves: one group per distinct local state under symmetry, one per flow without.
    let nMoves = 0;
    let nAlone = 0;
    for (let i = alone < 0 ? 0 : -1; i < N; i++) {
      const j = i < 0 ? alone : i;
      if (i >= 0 && j === alone) continue;
      if (symmetry && j > 0 && cur[j] === cur[j - 1]) continue;
      const ms = tables.moves(cur[j] as number);
      if (nMoves + ms.length > moveSlot.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2 + ms.length);
          b.set(a);
          return b;
        };
        moveSlot = grow(moveSlot);
        moveIdx = grow(moveIdx);
        moveNext = grow(moveNext);
      }
      for (let m = 0; m < ms.length; m++) {
        moveSlot[nMoves] = j;
        moveIdx[nMoves] = m;
        moveNext[nMoves] = (ms[m] as LocalMove).next;
        nMoves++;
      }
      if (i < 0) nAlone = nMoves;
    }
    let poll = POLL_NONE;
    if (gs.polling) {
      poll = POLL_CLOSE;
      for (let j = 0; j < N; j++) {
        const c = tables.pollClose(cur[j] as number);
        closes[j] = c;
        if (c === null) poll = POLL_NONE; // a closed flow's lock is held: the read waits
      }
    } else if (gs.polls < P) poll = POLL_OPEN;

    if (nMoves === 0 && poll === POLL_NONE) {
      finalStates++;
      if (quiescence === 'final') record(quiescent(cur, g), id, null, depth);
      continue;
    }

    const sleep = por ? (visited.sleep[id] as number) : 0;
    const nextLevel = levelEnd;
    // In a split search the split level's successors start with empty sleep sets: the moves
    // their sleep sets would skip may be covered only through another shard's states.
    const keepSleep = por && depth !== shardLevel;
    // Persistent set: the transparent flow's moves, widened to every move when one of them leads
    // to a state stored at this depth or earlier (the breadth-first cycle proviso).
    let widen = alone < 0;
    for (let k = 0; k < nMoves; k++) {
      if (k === nAlone && !widen) break;
      if (k < 32 && ((sleep >>> k) & 1) !== 0) {
        slept++;
        continue;
      }
      tmp.set(cur);
      tmp[moveSlot[k] as number] = moveNext[k] as number;
      if (symmetry) sortLocals(tmp, N);
      writeKey(scratch, 0, g, tmp, N);
      generated++;
      const r = visited.add(scratch, id);
      // The successor's sleep set matters only if it is yet to be expanded (new, or met again on
      // the level being built); with nothing explored before this move and nothing asleep, it is
      // empty.
      const pending = r >= 0 || -r - 1 >= nextLevel;
      const mask =
        keepSleep && pending && (k > 0 || sleep !== 0)
          ? successorSleep(tables, cur, tmp, N, symmetry, sleep, k, moveSlot, moveIdx, nMoves)
          : 0;
      if (r >= 0) {
        visited.sleep[r] = mask;
        fpOf(r, tmp, g, depth + 1);
        let bits = safety(tmp, g, false);
        if (quiescence === 'everyState') bits |= quiescent(tmp, g);
        if (bits !== 0) record(bits, r, null, depth + 1);
      } else if (-r - 1 >= nextLevel) {
        visited.sleep[-r - 1] = (visited.sleep[-r - 1] as number) & mask;
      } else if (k < nAlone) widen = true;
      if (stopped) break;
    }

    if (!widen && (nAlone < nMoves || poll !== POLL_NONE)) ampleStates++;
    if (poll !== POLL_NONE && !stopped && widen) {
      let g2 = g;
      if (poll === POLL_OPEN) {
        for (let j = 0; j < N; j++) tmp[j] = tables.pollOpen(cur[j] as number);
        g2 = tables.pollStarted(g);
      } else {
        for (let j = 0; j < N; j++) {
          const c = closes[j] as PollClose;
          tmp[j] = c.next;
          g2 = tables.addDelta(g2, c.delta);
        }
        g2 = tables.pollEnded(g2);
      }
      // A completed poll is judged on every arrival (its lastPoll is not part of the key), in
      // flow order since the per-flow poll results are; then the state is canonicalised.
      const pollBits = poll === POLL_CLOSE ? safety(tmp, g2, true) : 0;
      if (symmetry) sortLocals(tmp, N);
      writeKey(scratch, 0, g2, tmp, N);
      generated++;
      const r = visited.add(scratch, id);
      if (r >= 0) {
        visited.sleep[r] = 0;
        fpOf(r, tmp, g2, depth + 1);
        let bits = poll === POLL_CLOSE ? pollBits : safety(tmp, g2, false);
        if (quiescence === 'everyState') bits |= quiescent(tmp, g2);
        if (bits !== 0) record(bits, r, null, depth + 1);
      } else {
        if (-r - 1 >= nextLevel) visited.sleep[-r - 1] = 0;
        if (pollBits !== 0) record(pollBits, id, scratch, depth + 1);
      }
    }

    if (options.onProgress !== undefined && (id & 1023) === 0) {
      const t = now();
      if (t >= nextProgress) {
        nextProgress = t + 1000;
        options.onProgress({
          generated,
          distinct: visited.size,
          queue: visited.size - head,
          depth,
          elapsedMs: t - started,
        });
      }
    }
  }

  const complete = head >= visited.size && !stopped;
  const violations: Violation[] = [];
  invariants.forEach((invariant, k) => {
    const f = found.get(k);
    if (f === undefined) return;
    const keys: Uint32Array[] = [];
    for (let s = f.state; s > 0; s = visited.parents[s] as number) keys.push(visited.keyOf(s));
    keys.reverse();
    if (f.key !== null) keys.push(f.key);
    const events = eventsTo(tables, keys, symmetry);
    violations.push({ invariant, depth: events.length, events });
  });
  const wallMs = now() - started;
  const perSecond = (n: number) => (wallMs > 0 ? Math.round((n * 1000) / wallMs) : 0);
  return {
    config,
    symmetry,
    por,
    minimise,
    quiescence,
    generated,
    distinctStates: visited.size,
    queueLeft: visited.size - head,
    depth,
    finalStates,
    complete,
    wallMs,
    statesPerSecond: perSecond(visited.size),
    generatedPerSecond: perSecond(generated),
    sleptMoves: slept,
    ample,
    statesExpandedAlone: ampleStates,
    localStates: classes?.locals ?? tables.localCount,
    localClasses: classes?.classes ?? tables.localCount,
    bytes: visited.bytes + (fps?.byteLength ?? 0),
    violations,
    ...(shard === undefined
      ? {}
      : {
          shard: {
            ...shard,
            strategy: profiles === null ? ('firstLevel' as const) : ('ends' as const),
            profiles: profiles ?? [],
            level: shardLevel,
            levelStates: shardLevelStates,
            roots,
            leftToOthers,
          },
        }),
    ...(options.fingerprints === true && fps !== null
      ? { fingerprints: fps.slice(0, FP_WORDS * visited.size) }
      : {}),
  };
}
