/**
 * The atomic steps one trace event ran. An event without `step` runs its whole operation at once;
 * to show what each interlocked instruction saw, it is replayed here one named step at a time.
 * Leaves out: nothing the engine does; the replay is the engine's own `step`.
 */
import { firstStep } from '../engine/driver/DriverVariant.js';
import type { OpLocals } from '../engine/driver/flow.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { step } from '../engine/step.js';

/** One atomic step of a notify or a release, with the locals it left (null once it ended). */
export interface SubStep {
  readonly name: string;
  /** The value its interlocked instruction returned, when the step stored one. */
  readonly saw: number | null;
  readonly after: OpLocals | null;
}

/** Steps an operation may take before the replay gives up (cas-retry takes 4). */
const MAX_STEPS = 32;

const localsOf = (state: EngineState, kind: 'notify' | 'exit', flow: number): OpLocals | null =>
  state.driver.flows[flow]?.[kind] ?? null;

const sawOf = (before: OpLocals | null, after: OpLocals | null): number | null =>
  after !== null &&
  (before === null
    ? after.seen !== 0
    : after.seen !== before.seen || after.attempt !== before.attempt)
    ? after.seen
    : null;

/**
 * The steps of a `flowDeleteNotify` or `calloutExit` event run from `before`; `[]` for any other
 * event, or if the step-by-step replay is refused (it never is for an event the engine accepted).
 *
 * @example
 * subSteps(stateBeforeTheLastNotify, { type: 'flowDeleteNotify', flow: flowId(1) })
 * //=> [{ name: 'cas', saw: 3, ... }, { name: 'decrement', saw: null, after: null }]
 */
export function subSteps(before: EngineState, event: Event): readonly SubStep[] {
  if (event.type !== 'flowDeleteNotify' && event.type !== 'calloutExit') return [];
  const kind = event.type === 'flowDeleteNotify' ? 'notify' : 'exit';
  const op =
    kind === 'notify' ? before.config.driver.flowDeleteNotify : before.config.driver.calloutExit;
  const inFlight = localsOf(before, kind, event.flow);
  const out: SubStep[] = [];
  let state = before;
  let locals = inFlight;
  let name: string | null = event.step ?? inFlight?.step ?? firstStep(op);
  while (name !== null && out.length < MAX_STEPS) {
    const r = step(state, { type: event.type, flow: event.flow, step: name });
    if (!r.ok) return [];
    state = r.value;
    const after = localsOf(state, kind, event.flow);
    out.push({ name, saw: sawOf(locals, after), after });
    locals = after;
    name = event.step === undefined ? (after?.step ?? null) : null;
  }
  return out;
}
