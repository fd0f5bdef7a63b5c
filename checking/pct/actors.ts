/**
 * The concurrent actors a PCT schedule orders: for each flow its lifecycle (establish, traffic,
 * the end, traffic after the end), its callouts and its delete notifications, and the agent's
 * poll. Each actor is a small sequential program; what it may do next comes from
 * `generators/materialize.ts`'s `eventFor`, so the events are the step-level ones the uniform
 * generator writes. Leaves out: several callouts in flight on one flow at once.
 */
import type { DriverVariant } from '../../engine/driver/DriverVariant.js';
import { stepNames } from '../../engine/driver/DriverVariant.js';
import type { EngineState } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { flowId } from '../../engine/events.js';
import type { Bounds } from '../../generators/materialize.js';
import { eventFor } from '../../generators/materialize.js';

/** Who moves: one of a flow's three actors, or the poll. */
export type ActorKind = 'lifecycle' | 'callout' | 'notify' | 'poll';

/** An actor; `flow` is 0 for the poll. */
export interface Actor {
  readonly kind: ActorKind;
  readonly flow: number;
}

/** What a flow's lifecycle does in one run. */
export interface LifecyclePlan {
  /** Traffic events between the establish and the end. */
  readonly trafficBefore: number;
  readonly end: 'reset' | 'fin';
  /** Traffic events after the end (packets after close; skipped once the flow left both tables). */
  readonly trafficAfter: number;
  readonly bytes: number;
}

/** The programs of one run: bounds shared with the uniform generator, and per-flow choices. */
export interface RunPlan {
  readonly bounds: Bounds;
  /** Index `f - 1` is flow `f`'s. */
  readonly lifecycles: readonly LifecyclePlan[];
  /** Callout entries per flow (index `f - 1`). */
  readonly callouts: readonly number[];
}

/** Where an actor is in its program. */
export interface Progress {
  /** lifecycle: the next instruction; callout: the entries made. */
  readonly pc: number;
  /**
   * callout: a reference is held (entered, release not finished); poll: waiting for time to pass
   * (another actor to move) since its last poll.
   */
  readonly holding: boolean;
}

/** An actor's next move: an event, nothing now (`wait`), or nothing ever again (`done`). */
export type Move = { readonly event: Event; readonly pc: number } | 'wait' | 'done';

/** The actors of a run with `flows` flows, in a fixed order: per flow lifecycle, callout, notify; then the poll. */
export const actorsOf = (flows: number): readonly Actor[] => [
  ...Array.from({ length: flows }, (_, i) =>
    (['lifecycle', 'callout', 'notify'] as const).map((kind) => ({ kind, flow: i + 1 })),
  ).flat(),
  { kind: 'poll', flow: 0 },
];

/** The start of every actor's program. */
export const START: Progress = { pc: 0, holding: false };

/**
 * The poll's start: the agent polls on a timer, so a poll with nothing moved since the last one
 * (or since the start) reads what the last one read and ships nothing; the poll actor waits for
 * another actor to move instead of spending its polls back to back.
 */
export const POLL_START: Progress = { pc: 0, holding: true };

type Instruction = 'establish' | 'traffic' | 'end' | 'trafficAfter';

const program = (p: LifecyclePlan): readonly Instruction[] => [
  'establish',
  ...Array<Instruction>(p.trafficBefore).fill('traffic'),
  'end',
  ...Array<Instruction>(p.trafficAfter).fill('trafficAfter'),
];

function lifecycleMove(state: EngineState, plan: RunPlan, flow: number, pc: number): Move {
  const life = plan.lifecycles[flow - 1] as LifecyclePlan;
  const code = program(life);
  for (let i = pc; i < code.length; i++) {
    const id = flowId(flow);
    switch (code[i]) {
      case 'establish':
        return { event: { type: 'establish', flow: id }, pc: i };
      case 'end':
        return { event: { type: life.end, flow: id }, pc: i };
      default: {
        // Traffic needs the flow in a table; after the drain there is nothing to count it on.
        const e = eventFor(state, 'traffic', flow, life.bytes, [], plan.bounds);
        if (e !== null) return { event: e, pc: i };
      }
    }
  }
  return 'done';
}

function calloutMove(state: EngineState, plan: RunPlan, flow: number, progress: Progress): Move {
  const f = state.driver.flows[flow];
  if (f === undefined) return 'wait';
  const bounds = { ...plan.bounds, callouts: plan.callouts[flow - 1] ?? 0 };
  if (f.exit !== null || progress.holding) {
    const e = eventFor(state, 'calloutExit', flow, 0, [], bounds);
    return e === null ? 'done' : { event: e, pc: progress.pc };
  }
  if (progress.pc >= bounds.callouts) return 'done';
  const entered = [];
  entered[flow] = progress.pc;
  const e = eventFor(state, 'calloutEnter', flow, 0, entered, bounds);
  if (e !== null) return { event: e, pc: progress.pc };
  // Every notify has run: WFP classifies nothing more on this flow.
  return f.notifies >= state.config.layers && f.notify === null ? 'done' : 'wait';
}

function notifyMove(state: EngineState, plan: RunPlan, flow: number): Move {
  const f = state.driver.flows[flow];
  if (f === undefined) return 'wait';
  const e = eventFor(state, 'notify', flow, 0, [], plan.bounds);
  if (e !== null) return { event: e, pc: 0 };
  return f.status !== 'established' && f.notifies >= state.config.layers ? 'done' : 'wait';
}

/**
 * The next move of `actor` in `state`.
 *
 * @example
 * nextMove(newEngine(config), plan, { kind: 'lifecycle', flow: 1 }, START) //=> { event: establish(1), pc: 0 }
 * nextMove(newEngine(config), plan, { kind: 'notify', flow: 1 }, START) //=> 'wait'
 */
export function nextMove(
  state: EngineState,
  plan: RunPlan,
  actor: Actor,
  progress: Progress,
): Move {
  switch (actor.kind) {
    case 'lifecycle':
      return lifecycleMove(state, plan, actor.flow, progress.pc);
    case 'callout':
      return calloutMove(state, plan, actor.flow, progress);
    case 'notify':
      return notifyMove(state, plan, actor.flow);
    case 'poll': {
      const e = eventFor(state, 'poll', 0, 0, [], plan.bounds);
      if (e === null) return 'done';
      return progress.holding && state.poll === null ? 'wait' : { event: e, pc: 0 };
    }
  }
}

/**
 * Where the actor is after its move `event` took the system to `after` (a poll that completed
 * waits for time to pass).
 *
 * @example
 * advance({ kind: 'callout', flow: 1 }, START, calloutEnter(1), after) //=> { pc: 1, holding: true }
 */
export function advance(
  actor: Actor,
  progress: Progress,
  event: Event,
  pc: number,
  after: EngineState,
): Progress {
  if (actor.kind === 'lifecycle') return { pc: pc + 1, holding: false };
  if (actor.kind === 'poll') return { pc: 0, holding: after.poll === null };
  if (actor.kind !== 'callout') return progress;
  if (event.type === 'calloutEnter') return { pc: progress.pc + 1, holding: true };
  const f = after.driver.flows[actor.flow];
  return { pc: progress.pc, holding: f !== undefined && f.exit !== null };
}

/**
 * An upper estimate of a run's steps (PCT's `k`): every instruction of every program, each
 * stepped operation counted at its number of named steps.
 *
 * @example
 * stepsBound(planForOneFlow, original) //=> 2 + traffic + callouts × 2 + 4 × 3 + 2 × polls
 */
export function stepsBound(plan: RunPlan, driver: DriverVariant): number {
  const notify = stepNames(driver.flowDeleteNotify).length;
  const exit = stepNames(driver.calloutExit).length;
  const flows = plan.lifecycles.reduce(
    (sum, life, i) =>
      sum +
      2 +
      life.trafficBefore +
      life.trafficAfter +
      (plan.callouts[i] ?? 0) * (1 + exit) +
      plan.bounds.layers * notify,
    0,
  );
  return flows + 2 * plan.bounds.polls;
}
