/**
 * One run of the PCT scheduler (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS'10): random
 * distinct priorities `d .. d+n−1` over the n actors, `d − 1` change points drawn from `1..k`;
 * at each step the enabled actor of highest priority moves, and at the j-th change point the
 * actor about to move drops to priority `d − j`, below every other. Deterministic for a seed.
 */
import type { EngineConfig, EngineState } from '../../engine/EngineState.js';
import { newEngine } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { step } from '../../engine/step.js';
import { MATRIX_BOUNDS } from '../matrix.js';
import type { Actor, LifecyclePlan, Progress, RunPlan } from './actors.js';
import { actorsOf, advance, nextMove, POLL_START, START, stepsBound } from './actors.js';
import type { Prng } from './prng.js';
import { prng, seedOf } from './prng.js';

/** What one PCT run did. */
export interface PctRun {
  readonly events: readonly Event[];
  /** `states[0]` is the start, `states[i]` the state after event `i`. */
  readonly states: readonly EngineState[];
  /** PCT's n: the actors. */
  readonly actors: number;
  /** PCT's k: the steps the change points were drawn from (the schedule's length without changes). */
  readonly k: number;
  readonly depth: number;
}

const BYTES = [1, 10, 100] as const;

/** The programs of a run, drawn from `rng` with the uniform generator's bounds. */
function drawPlan(config: EngineConfig, rng: Prng): RunPlan {
  const flows = 1 + rng.int(4);
  const polls = 2 + rng.int(MATRIX_BOUNDS.polls - 1);
  const lifecycles = Array.from({ length: flows }, (): LifecyclePlan => ({
    trafficBefore: rng.int(3),
    // Resets outnumber graceful ends 3 to 1, as in the uniform generator's weights.
    end: rng.int(4) < 3 ? 'reset' : 'fin',
    trafficAfter: rng.int(3),
    bytes: BYTES[rng.int(BYTES.length)] as number,
  }));
  const callouts = Array.from({ length: flows }, () => rng.int(MATRIX_BOUNDS.callouts + 1));
  return {
    bounds: { ...config, flows, polls, callouts: MATRIX_BOUNDS.callouts },
    lifecycles,
    callouts,
  };
}

/** A random permutation of `d .. d+n−1` (Fisher–Yates). */
function priorities(n: number, d: number, rng: Prng): number[] {
  const p = Array.from({ length: n }, (_, i) => d + i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j] as number, p[i] as number];
  }
  return p;
}

/** `d − 1` distinct change points in `1..k` (fewer when k is smaller), ascending. */
function changePoints(k: number, d: number, rng: Prng): number[] {
  const points = new Set<number>();
  while (points.size < Math.min(d - 1, k)) points.add(1 + rng.int(k));
  return [...points].sort((a, b) => a - b);
}

interface Scheduled {
  readonly events: Event[];
  readonly states: EngineState[];
}

/** Runs the actors' programs under `priority`, demoting at `points` (mutates `priority`). */
function schedule(
  config: EngineConfig,
  plan: RunPlan,
  priority: number[],
  points: readonly number[],
  depth: number,
  maxSteps: number,
): Scheduled {
  const actors: readonly Actor[] = actorsOf(plan.lifecycles.length);
  const progress: Progress[] = actors.map((a) => (a.kind === 'poll' ? POLL_START : START));
  const done = actors.map(() => false);
  let state = newEngine(config);
  const states: EngineState[] = [state];
  const events: Event[] = [];
  let changed = 0;
  // A step is one move; runs end when no actor can move (every program finished or waiting).
  for (let stepNo = 1; stepNo <= maxSteps; stepNo++) {
    const order = actors
      .map((_, i) => i)
      .sort((a, b) => (priority[b] as number) - (priority[a] as number));
    let chosen: { actor: number; event: Event; pc: number; after: EngineState } | null = null;
    for (let o = 0; o < order.length && chosen === null; o++) {
      const i = order[o] as number;
      if (done[i]) continue;
      const move = nextMove(state, plan, actors[i] as Actor, progress[i] as Progress);
      if (move === 'done') {
        done[i] = true;
        continue;
      }
      if (move === 'wait') continue;
      const r = step(state, move.event);
      if (!r.ok) continue; // blocked (a spin lock held by another operation)
      if (changed < points.length && stepNo === points[changed]) {
        // The change point: the actor about to move drops below everyone; choose again.
        priority[i] = depth - 1 - changed;
        changed++;
        o = -1;
        order.sort((a, b) => (priority[b] as number) - (priority[a] as number));
        continue;
      }
      chosen = { actor: i, event: move.event, pc: move.pc, after: r.value };
    }
    if (chosen === null) break;
    progress[chosen.actor] = advance(
      actors[chosen.actor] as Actor,
      progress[chosen.actor] as Progress,
      chosen.event,
      chosen.pc,
      chosen.after,
    );
    // Time passes for the poll whenever another actor moves.
    const poll = actors.length - 1;
    if (chosen.actor !== poll) progress[poll] = { ...(progress[poll] as Progress), holding: false };
    state = chosen.after;
    states.push(state);
    events.push(chosen.event);
  }
  return { events, states };
}

/**
 * Run `index` of the PCT search with `seed` at depth `d`. PCT's k is the length of the same
 * schedule without priority changes (the programs are fixed, so every schedule of the run has
 * about that many steps); the change points are drawn from `1..k`.
 *
 * @example
 * pctRun(config, 1, 0, 2).events.length > 0 //=> true
 * pctRun(config, 1, 0, 2).events //=> the same list on every call
 */
export function pctRun(config: EngineConfig, seed: number, index: number, depth: number): PctRun {
  const rng = prng(seedOf(seed, index, depth));
  const plan = drawPlan(config, rng);
  const n = actorsOf(plan.lifecycles.length).length;
  const bound = stepsBound(plan, config.driver);
  const initial = priorities(n, depth, rng);
  const k = Math.max(1, schedule(config, plan, [...initial], [], depth, 4 * bound).events.length);
  const points = changePoints(k, depth, rng);
  const run = schedule(config, plan, [...initial], points, depth, 4 * bound);
  return { ...run, actors: n, k, depth };
}
