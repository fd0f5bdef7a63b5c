/**
 * The exhaustive breadth-first search: every interleaving of the engine's step-level events within
 * the bounds and the environment (docs/environment.md), over the abstraction of abstraction.ts,
 * with symmetry reduction (canonicalise.ts) and sleep-set partial-order reduction (sleepSets.ts).
 * Safety invariants are judged on every state (and on every poll that completes), quiescence ones
 * on every final state after `closeOut` (or on every state, for the shortest prefix whose
 * close-out fails). Breadth-first order makes each violation's trace a shortest one.
 *
 * Leaves out: liveness, and several workers (one thread; `--shard` splits the work across
 * processes instead).
 */
import type { Environment } from '../engine/environment.js';
import type { Event } from '../engine/events.js';
import type { Invariant } from '../invariants/Invariant.js';
import { invariants as ALL_INVARIANTS } from '../invariants/index.js';
import type { ExploreConfig } from './bounds.js';
import { environmentOf } from './bounds.js';
import { fingerprint, sortLocals } from './canonicalise.js';
import { keyWords, readKey, writeKey } from './encodeState.js';
import { SHARED_READS, WHOLE_STATE_READS } from './invariantScope.js';
import { stableJson } from './LocalState.js';
import type { PollClose } from './LocalTables.js';
import { LocalTables } from './LocalTables.js';
import { minimiseLocals } from './minimiseLocals.js';
import { canReach, ownedProfiles } from './shard.js';
import { successorSleep } from './sleepSets.js';
import { halfStepsLeft, transparency } from './persistentSets.js';
import { quiescenceTrace } from './quiescenceTrace.js';
import { eventsTo } from './traceOf.js';
import { badTuples, normalTuples } from './tupleGroups.js';
import { VisitedSet } from './VisitedSet.js';
import { WholeStates } from './WholeStates.js';

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
  /** Canonicalise states under permutation of flows (within tuples, and of equal tuples). @defaultValue true */
  readonly symmetry?: boolean;
  /** Sleep-set partial-order reduction. @defaultValue true */
  readonly por?: boolean;
  /**
   * Persistent sets (persistentSets.ts): fewer states, the same verdicts, traces not always the
   * shortest. Replaces the sleep sets; isolated environment only, not with a shard or quiescence
   * on every state. @defaultValue false
   */
  readonly ample?: boolean;
  /** Merge behaviourally equivalent local states (minimiseLocals.ts). @defaultValue true from two tuples on */
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
  readonly environment: Environment;
  /** Tuples the flows were dealt to. */
  readonly tuples: number;
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

/** Why `explore` refuses `config` with `options`, or null. */
function refusal(config: ExploreConfig, options: ExploreOptions): string | null {
  const tuples = badTuples(config);
  if (tuples !== null) return `explorer: ${tuples}`;
  if (options.ample !== true) return null;
  if (environmentOf(config) !== 'isolated')
    return 'explorer: persistent sets need the isolated environment (the drain and client churn act on every flow at once, so no flow can be expanded alone)';
  if (options.shard !== undefined || (options.quiescence ?? 'final') !== 'final')
    return 'explorer: persistent sets need an unsplit search with quiescence on final states';
  return null;
}

/** Resets and flows not yet ended in a group, as one number (resets · 256 + open). */
const decisionOf = (tables: LocalTables, l: number): number => {
  let resets = 0;
  let open = 0;
  for (const m of tables.local(l).members) {
    const status = m.flow?.status ?? 'established';
    if (status === 'established') open++;
    else if (status === 'recvRst') resets++;
  }
  return resets * 256 + open;
};

/**
 * Explores every interleaving within the bounds.
 *
 * @example
 * const r = explore({ driver: original, agent: prefix, environment: 'isolated', bounds: { ...DEFAULT_BOUNDS, flows: 2, layers: 1 } });
 * r.violations.map((v) => `${v.invariant.name} ${v.depth}`) //=> ['FailuresWithinCloses 7', 'RateAtMost100 7', ...]
 */
export function explore(config: ExploreConfig, options: ExploreOptions = {}): ExploreResult {
  const refused = refusal(config, options);
  if (refused !== null) throw new Error(refused);
  const now = options.now ?? (() => performance.now());
  const started = now();
  const symmetry = options.symmetry ?? true;
  const quiescence = options.quiescence ?? 'final';
  const ample = options.ample === true;
  const por = !ample && (options.por ?? true);
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  const invariants = options.invariants ?? ALL_INVARIANTS;
  const stopIndex =
    options.stopWhenFound === undefined
      ? -1
      : invariants.findIndex((i) => i.name === options.stopWhenFound);
  const shard = options.shard;
  const P = config.bounds.polls;
  const tables = new LocalTables(config, invariants, symmetry);
  const shared = tables.shared;
  const N = tables.places.length;
  const wide = tables.places.some((p) => p.flows.length > 1);
  const W = keyWords(N, wide);
  const { features } = tables;
  // With one group the search visits each local state once anyway: merging them costs more than
  // it saves, so it is done from two groups on, for the groups of one flow (the verdicts are the
  // same either way).
  const singles = tables.places.some((p) => p.flows.length === 1);
  const minimise = (options.minimise ?? N > 1) && singles;
  const classes = minimise ? minimiseLocals(tables) : null;
  const visited = new VisitedSet(W);
  const whole = new WholeStates(tables, invariants, symmetry);
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
    fingerprint(shared.hash(g), hashes, symmetry, fps, FP_WORDS * id);
    fps[FP_WORDS * id + 2] = at;
  };

  const cur = new Int32Array(N);
  const tmp = new Int32Array(N);
  const scratch = new Uint32Array(W);
  const closes: (PollClose | null)[] = new Array<PollClose | null>(N).fill(null);
  const alts = new Array<readonly number[] | readonly PollClose[]>(N).fill([]);
  const pick = new Int32Array(N);
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

  // Whole-state safety verdicts depend only on what the invariants read (invariantScope.ts): the
  // shared state and each group's reads, whatever the groups' order. When every one of them says
  // what it reads, verdicts are memoised by that.
  const globalSafety = whole.safetyList;
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
    const judge = () =>
      whole.judge(globalSafety, found, locals, g, pollClose ? closes : null, false);
    if (!declared) return judge();
    for (let j = 0; j < N; j++) reads[j] = readIdOf(locals[j] as number);
    sortLocals(reads, N);
    let key = g;
    for (let j = 0; j < N; j++) key = key * 256 + (reads[j] as number);
    if (!Number.isSafeInteger(key) || readIndex.size > 256) return judge();
    let bits = wholeMemo.get(key);
    if (bits === undefined) {
      bits = judge();
      wholeMemo.set(key, bits);
    }
    return bits;
  };

  const transparent = ample ? transparency(tables, declared ? readIdOf : null, P) : null;
  let ampleStates = 0;

  // Safety verdicts; after a readClosed the per-group results of `closes` (in group order) apply.
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
    return bits | whole.judge(whole.quiescenceList, found, locals, g, null, true);
  };

  // The initial state: no flow established yet.
  tables.places.forEach((p, j) => (tmp[j] = tables.absentOf(p.flows.length)));
  if (symmetry) sortLocals(tmp, N);
  writeKey(scratch, 0, shared.start, tmp, N, wide);
  visited.add(scratch, -1);
  fpOf(0, tmp, shared.start, 0);
  if (quiescence === 'everyState') record(quiescent(tmp, shared.start), 0, null, 0);
  let generated = 1;
  let slept = 0;
  let finalStates = 0;
  let depth = 0;
  let levelEnd = 1;
  let head = 0;
  let id = 0;
  let nextLevel = 0;
  let shardLevel = -1;
  let shardLevelStates = 0;
  let roots = 0;
  let leftToOthers = 0;
  // End profiles (shard.ts): each group's ends decided so far, per local state.
  const profiles =
    shard === undefined ? null : ownedProfiles(config.bounds.flows, shard.count, shard.index);
  const decided: number[] = [];
  let nextProgress = started + 1000;

  // A successor by a step every group takes part in (it never sleeps; `pollBits` are the verdicts
  // of a completed poll, judged on every arrival since its lastPoll is not part of the key).
  const arriveShared = (g2: number, pollBits: number, pollClose: boolean): void => {
    if (symmetry) sortLocals(tmp, N);
    writeKey(scratch, 0, g2, tmp, N, wide);
    generated++;
    const r = visited.add(scratch, id);
    if (r >= 0) {
      visited.sleep[r] = 0;
      fpOf(r, tmp, g2, depth + 1);
      let bits = pollClose ? pollBits : safety(tmp, g2, false);
      if (quiescence === 'everyState') bits |= quiescent(tmp, g2);
      if (bits !== 0) record(bits, r, null, depth + 1);
    } else {
      if (-r - 1 >= nextLevel) visited.sleep[-r - 1] = 0;
      if (pollBits !== 0) record(pollBits, id, scratch, depth + 1);
    }
  };

  // Every combination of the groups' alternatives (one per table order that matters) in `alts`.
  const combinations = (visit: () => void): void => {
    pick.fill(0);
    for (;;) {
      visit();
      let j = 0;
      for (; j < N; j++) {
        pick[j] = (pick[j] as number) + 1;
        if ((pick[j] as number) < (alts[j] as readonly unknown[]).length) break;
        pick[j] = 0;
      }
      if (j === N || stopped) return;
    }
  };

  const pollOpen = (g: number): void => {
    for (let j = 0; j < N; j++) alts[j] = tables.pollOpen(cur[j] as number);
    const g2 = shared.pollStarted(g);
    combinations(() => {
      for (let j = 0; j < N; j++)
        tmp[j] = (alts[j] as readonly number[])[pick[j] as number] as number;
      arriveShared(g2, 0, false);
    });
  };

  const pollClose = (g: number): void => {
    combinations(() => {
      let g2 = g;
      for (let j = 0; j < N; j++) {
        const c = (alts[j] as readonly PollClose[])[pick[j] as number] as PollClose;
        closes[j] = c;
        tmp[j] = c.next;
        g2 = shared.addDelta(g2, c.delta);
      }
      g2 = shared.pollEnded(g2);
      // In group order, since the per-group poll results are; then the state is canonicalised.
      arriveShared(g2, safety(tmp, g2, true), true);
    });
  };

  // The drain's read: when some group has a closed flow, none holds records and none waits.
  const drainEnabled = (): boolean => {
    if (!features.asyncDrain) return false;
    let closed = false;
    for (let j = 0; j < N; j++) {
      const d = tables.drainRead(cur[j] as number);
      if (d.holds || d.waits) return false;
      closed ||= d.closed;
    }
    return closed;
  };

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
    id = head++;
    const g = readKey(visited.keys, id * W, N, cur, wide);
    if (profiles !== null) {
      // A shard expands the states that can still end with one of its profiles.
      let resets = 0;
      let open = 0;
      for (let j = 0; j < N; j++) {
        const l = cur[j] as number;
        let d = decided[l];
        if (d === undefined) d = decided[l] = decisionOf(tables, l);
        resets += d >> 8;
        open += d & 255;
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
    const gs = shared.global(g);

    // A transparent flow's moves come first: with persistent sets they may be all that is expanded.
    let alone = -1;
    if (transparent !== null) {
      const left = halfStepsLeft(gs.polling, gs.polls, P);
      for (let j = 0; j < N && alone < 0; j++)
        if (transparent(cur[j] as number, gs.polling, left)) alone = j;
    }
    // Group moves: one list per distinct local state under symmetry, one per group without.
    let nMoves = 0;
    let nAlone = 0;
    for (let i = alone < 0 ? 0 : -1; i < N; i++) {
      const j = i < 0 ? alone : i;
      if (i >= 0 && j === alone) continue;
      if (symmetry && j > 0 && cur[j] === cur[j - 1]) continue;
      const l = cur[j] as number;
      const count = tables.moveCount(l);
      if (nMoves + count > moveSlot.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2 + count);
          b.set(a);
          return b;
        };
        moveSlot = grow(moveSlot);
        moveIdx = grow(moveIdx);
        moveNext = grow(moveNext);
      }
      for (let m = 0; m < count; m++) {
        moveSlot[nMoves] = j;
        moveIdx[nMoves] = m;
        moveNext[nMoves] = tables.moveTarget(l, m);
        nMoves++;
      }
      if (i < 0) nAlone = nMoves;
    }
    let poll = false;
    if (gs.polling) {
      poll = true;
      for (let j = 0; j < N; j++) {
        const c = tables.pollClose(cur[j] as number);
        if (c === null)
          poll = false; // a closed flow's lock is held: the read waits
        else alts[j] = c;
      }
    } else poll = gs.polls < P;
    const drain = drainEnabled();

    if (nMoves === 0 && !poll && !drain) {
      // Final: nothing but client churn can happen (abstraction.ts A10).
      finalStates++;
      if (quiescence === 'final') record(quiescent(cur, g), id, null, depth);
      if (!features.clientChurn) continue;
    }

    const sleep = por ? (visited.sleep[id] as number) : 0;
    nextLevel = levelEnd;
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
      writeKey(scratch, 0, g, tmp, N, wide);
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

    if (!widen && (nAlone < nMoves || poll)) ampleStates++;
    if (widen && !stopped) {
      if (poll) (gs.polling ? pollClose : pollOpen)(g);
      if (drain && !stopped) {
        for (let j = 0; j < N; j++) tmp[j] = tables.drainRead(cur[j] as number).next;
        arriveShared(g, 0, false);
      }
      if (features.clientChurn && !stopped) {
        for (let j = 0; j < N; j++) tmp[j] = tables.churn(cur[j] as number);
        arriveShared(shared.churned(g), 0, false);
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
    let events = eventsTo(tables, keys, symmetry, wide);
    if (invariant.when === 'quiescence') events = quiescenceTrace(tables, invariant, events);
    violations.push({ invariant, depth: events.length, events });
  });
  const wallMs = now() - started;
  const perSecond = (n: number) => (wallMs > 0 ? Math.round((n * 1000) / wallMs) : 0);
  return {
    config,
    environment: tables.environment,
    tuples: normalTuples(config).tuples as number,
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
    localStates: classes?.locals ?? tables.localCount + tables.groups.count,
    localClasses: classes?.classes ?? tables.localCount + tables.groups.count,
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
