/**
 * Carries a trace written for one driver to another, so that a counterexample against the old
 * driver doubles as a regression test for a fixed one. Step names are a variant's own, so each
 * operation becomes one whole event placed where it began; an event the target driver refuses
 * (a callout that no longer finds an association) is dropped. Same driver: the trace as it is.
 */
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { isFlowEvent } from '../engine/events.js';
import { step } from '../engine/step.js';

/** Whether `e` begins an operation in `state` (a whole event, or its first named step). */
function begins(state: EngineState, e: Event): boolean {
  if (!('step' in e) || e.step === undefined) return true;
  if (e.type === 'poll') return state.poll === null;
  if (e.type === 'drain') return state.drain === null;
  if (!isFlowEvent(e)) return true;
  const flow = state.driver.flows[e.flow];
  if (flow === undefined) return true;
  return (e.type === 'calloutExit' ? flow.exit : flow.notify) === null;
}

const whole = (e: Event): Event => {
  if (e.type === 'poll') return { type: 'poll' };
  if (e.type === 'calloutExit' || e.type === 'flowDeleteNotify')
    return { type: e.type, flow: e.flow };
  return e;
};

/**
 * The events to replay on `target`, from a trace that ran on `source`.
 *
 * @example
 * projectTrace(seq('e1 r1 fd1.cas fd1.decrement'), originalConfig, deferredMoveConfig) //=> [establish(1), reset(1), flowDeleteNotify(1)]
 */
export function projectTrace(
  events: readonly Event[],
  source: EngineConfig,
  target: EngineConfig,
): Event[] {
  if (source.driver === target.driver) return [...events];
  const out: Event[] = [];
  let from = newEngine(source);
  let to = newEngine(target);
  for (const e of events) {
    const starts = begins(from, e);
    const r = step(from, e);
    if (r.ok) from = r.value;
    if (!starts) continue;
    const moved = whole(e);
    const t = step(to, moved);
    if (!t.ok) continue;
    to = t.value;
    out.push(moved);
  }
  return out;
}
