/**
 * What a driver-fix design is to the model: the steps of a delete notification and of a callout's
 * release, each an atomic change to one flow, turned into the `guards` and `actions` that
 * `flowMachine.provide()` takes. The rules every design shares live here: a notification begins
 * only after the end and at most `L` times, a release only while a callout holds a reference, one
 * of each part-way through per flow, steps in program order, an event without `step` runs the
 * whole operation, and an establish starts the flow with the design's memory.
 *
 * Leaves out: the classify work of a callout (only its reference is modelled).
 */
import type { ParameterizedObject } from 'xstate';
import { assign } from 'xstate';
import type { Event } from '../engine/events.js';
import type { FlowMemory } from '../lib/FlowMemory.js';
import { NO_MEMORY } from '../lib/FlowMemory.js';
import { establishWith } from './flowSetup.js';
import type { ModelContext } from './ModelContext.js';
import { flowAt, flowNamed, replaceFlow } from './ModelContext.js';
import type { ModelFlow, OpInFlight } from './ModelFlow.js';
import { hasEnded } from './ModelFlow.js';

/** A step's effect: the flow after it and the next step (`null`: the operation is over). */
export interface StepDone {
  readonly flow: ModelFlow;
  readonly next: string | null;
  readonly locals?: Partial<Omit<OpInFlight, 'step'>>;
}

/** A step cannot run now (a spin lock held by the other operation). */
export const BLOCKED = 'blocked' as const;

/** One atomic step: the flow, this operation's locals and `L` in, the effect out. */
export type Step = (flow: ModelFlow, op: OpInFlight, layers: number) => StepDone | typeof BLOCKED;

/** An operation's steps by name, in program order; the first one starts it. */
export type Program = Readonly<Record<string, Step>>;

/** A design as its file writes it. */
export interface DriverModelSpec {
  readonly name: string;
  readonly summary: string;
  readonly flowDeleteNotify: Program;
  readonly calloutExit: Program;
  /**
   * The design's own per-flow memory, each field at its initial value: every flow starts with it
   * and the steps read and write it (`f.memory.pendingMove`). Default: none.
   */
  readonly memory?: FlowMemory;
  /**
   * True while a closed-table read (the poll's `readClosed`, the drain's `read`) must wait for this
   * flow (a design whose lock guards every change of the count makes the read, which drops the
   * table's reference, take it too).
   */
  readonly drainWaits?: (flow: ModelFlow) => boolean;
}

type Args = { readonly context: ModelContext; readonly event: Event };

/** A design as the machine takes it. */
export interface DriverModel {
  readonly name: string;
  readonly summary: string;
  /** Step names per operation, in program order. */
  readonly steps: {
    readonly flowDeleteNotify: readonly string[];
    readonly calloutExit: readonly string[];
  };
  readonly guards: {
    readonly isNotifyStepEnabled: (args: Args) => boolean;
    readonly isExitStepEnabled: (args: Args) => boolean;
    readonly isDrainUnblocked: (args: Args) => boolean;
  };
  readonly actions: {
    readonly establishFlow: ModelAction;
    readonly runNotifyStep: ModelAction;
    readonly runExitStep: ModelAction;
  };
}

/** An `assign` action over the model's context. */
export type ModelAction = ReturnType<typeof assign<ModelContext, Event, Params, Event, never>>;

type Params = ParameterizedObject['params'];

/** Wraps a pure context update as an `assign` action. */
export const assignModel = (update: (args: Args) => Partial<ModelContext>): ModelAction =>
  assign<ModelContext, Event, Params, Event, never>(update);

/** Continue with step `next`. */
export const next = (flow: ModelFlow, step: string, locals?: StepDone['locals']): StepDone => ({
  flow,
  next: step,
  ...(locals === undefined ? {} : { locals }),
});

/** End the operation. */
export const done = (flow: ModelFlow): StepDone => ({ flow, next: null });

type Kind = 'flowDeleteNotify' | 'calloutExit';
const SLOT = { flowDeleteNotify: 'notify', calloutExit: 'exit' } as const;

/** Begins an operation if the shared rules allow it: a notify takes up one association, a release is a callout giving its reference back. */
function begin(kind: Kind, f: ModelFlow, first: string, layers: number): ModelFlow | null {
  const op: OpInFlight = { step: first, attempt: 0, flag: false };
  if (kind === 'flowDeleteNotify') {
    return hasEnded(f) && f.notifies < layers
      ? { ...f, notifies: f.notifies + 1, notify: op }
      : null;
  }
  return f.callouts > 0 ? { ...f, callouts: f.callouts - 1, exit: op } : null;
}

/** Runs one step (or, without `step`, the whole operation); `null` when the event is refused. */
function runOperation(program: Program, kind: Kind, c: ModelContext, e: Event): ModelFlow | null {
  if (e.type !== kind) return null;
  const slot = SLOT[kind];
  let f = flowAt(c, e.flow);
  if (f === null) return null;
  const names = Object.keys(program);
  if (f[slot] === null) f = begin(kind, f, names[0] ?? '', c.layers);
  else if (e.step === undefined) return null; // part-way through: a trace must name its steps
  if (f === null) return null;
  if (e.step !== undefined && e.step !== f[slot]?.step) return null;
  for (;;) {
    const op = f[slot] as OpInFlight;
    const step = program[op.step];
    if (step === undefined) return null;
    const out = step(f, op, c.layers);
    if (out === BLOCKED) return null;
    const nextOp = out.next === null ? null : { ...op, ...out.locals, step: out.next };
    f = { ...out.flow, [slot]: nextOp };
    if (nextOp === null || e.step !== undefined) return f;
  }
}

/**
 * Turns a design's two programs into the machine's guards and context updates.
 *
 * @example
 * driverModel({ name: 'original', summary: '…', flowDeleteNotify: { cas, move, decrement }, calloutExit: { decrement } })
 *   .steps.flowDeleteNotify //=> ['cas', 'move', 'decrement']
 */
export function driverModel(spec: DriverModelSpec): DriverModel {
  const run = (kind: Kind, program: Program) => (c: ModelContext, e: Event) =>
    runOperation(program, kind, c, e);
  const notify = run('flowDeleteNotify', spec.flowDeleteNotify);
  const exit = run('calloutExit', spec.calloutExit);
  const update =
    (f: (c: ModelContext, e: Event) => ModelFlow | null) =>
    ({ context, event }: Args): Partial<ModelContext> => {
      const flow = f(context, event);
      const k = flowNamed(event);
      return flow === null || k === null ? {} : replaceFlow(context, k, flow);
    };
  return {
    name: spec.name,
    summary: spec.summary,
    steps: {
      flowDeleteNotify: Object.keys(spec.flowDeleteNotify),
      calloutExit: Object.keys(spec.calloutExit),
    },
    guards: {
      isNotifyStepEnabled: ({ context, event }) => notify(context, event) !== null,
      isExitStepEnabled: ({ context, event }) => exit(context, event) !== null,
      isDrainUnblocked: ({ context }) =>
        !context.flows.some(
          (f) => f !== null && f.table === 'closed' && (spec.drainWaits?.(f) ?? false),
        ),
    },
    actions: {
      establishFlow: assignModel(establishWith(spec.memory ?? NO_MEMORY)),
      runNotifyStep: assignModel(update(notify)),
      runExitStep: assignModel(update(exit)),
    },
  };
}
