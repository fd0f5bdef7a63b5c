/**
 * Shrinks a PCT-found trace: first with fast-check, by writing the trace back as the intents the
 * uniform generator draws (which actor moves next) and handing them to fast-check as an example,
 * so that the usual intent shrinker applies; then a delta-debugging pass over the events.
 * Falls back to delta debugging alone when the trace does not fit the generator's bounds.
 */
import fc from 'fast-check';
import type { EngineConfig } from '../../engine/EngineState.js';
import { newEngine } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { flowOf } from '../../engine/events.js';
import { formatEvent } from '../../engine/events.js';
import { step } from '../../engine/step.js';
import { intents } from '../../generators/eventSequence.js';
import { judge } from '../../invariants/checkTrace.js';
import type { Invariant } from '../../invariants/Invariant.js';
import type { Bounds, Intent, IntentKind } from '../../generators/materialize.js';
import { eventFor, materialize } from '../../generators/materialize.js';
import { MATRIX_BOUNDS } from '../matrix.js';
import { shrinkEvents } from './shrinkEvents.js';

const KIND: Readonly<Record<Event['type'], IntentKind>> = {
  // Any flow action of a flow not yet established materialises as its establish.
  establish: 'traffic',
  traffic: 'traffic',
  calloutEnter: 'calloutEnter',
  calloutExit: 'calloutExit',
  reset: 'reset',
  fin: 'fin',
  flowDeleteNotify: 'notify',
  poll: 'poll',
  // The PCT scheduler runs in the isolated environment: it never writes these.
  drain: 'drain',
  clientRegister: 'register',
  clientExpire: 'expire',
};

const BYTES = new Set([1, 10, 100]);

/**
 * The intents that materialise to exactly `events` within `bounds`, or null when there are none
 * (a flow number, byte count or bound outside what the generator draws).
 *
 * @example
 * intentsOf(bounds, seq('e1 r1 p'))?.map((i) => i.kind) //=> ['traffic', 'reset', 'poll', 'poll']
 */
export function intentsOf(bounds: Bounds, events: readonly Event[]): Intent[] | null {
  let state = newEngine(bounds);
  const entered: number[] = [];
  const flows = Array.from({ length: bounds.flows }, (_, i) => i + 1);
  const out: Intent[] = [];
  for (const e of events) {
    const kind = KIND[e.type];
    const bytes = e.type === 'traffic' ? e.bytes : 1;
    if (!BYTES.has(bytes)) return null;
    const movable = (kind === 'poll' ? [0] : flows)
      .map((n) => eventFor(state, kind, n, bytes, entered, bounds))
      .filter((c): c is Event => c !== null);
    const pick = movable.findIndex((c) => formatEvent(c) === formatEvent(e));
    const r = step(state, e);
    if (pick < 0 || pick > 3 || !r.ok) return null;
    if (e.type === 'calloutEnter') entered[e.flow] = (entered[e.flow] ?? 0) + 1;
    out.push({ kind, pick, bytes });
    state = r.value;
  }
  const same =
    materialize(bounds, out).events.map(formatEvent).join(' ') ===
    events.map(formatEvent).join(' ');
  return same ? out : null;
}

/**
 * A short trace that still violates `invariant`: fast-check's intent shrinking, then delta
 * debugging.
 *
 * @example
 * shrinkPct(config, RateAtMost100, found, 1).length //=> 7 for the PR race under prefix
 */
export function shrinkPct(
  config: EngineConfig,
  invariant: Invariant,
  events: readonly Event[],
  seed: number,
): readonly Event[] {
  const flows = Math.max(1, ...events.map((e) => flowOf(e) ?? 0));
  const bounds: Bounds = {
    ...config,
    flows,
    callouts: MATRIX_BOUNDS.callouts,
    polls: MATRIX_BOUNDS.polls,
  };
  const list = flows <= 4 ? intentsOf(bounds, events) : null;
  if (list === null) return shrinkEvents(config, invariant, events);
  const arb = fc.tuple(
    fc.integer({ min: 1, max: 4 }),
    intents(Math.max(MATRIX_BOUNDS.intents, list.length)),
  );
  const broken = ([n, l]: [number, Intent[]]) => {
    const run = materialize({ ...bounds, flows: n }, l);
    return {
      run,
      violated: judge(config, run.states, [invariant]).verdicts[0]?.verdict === 'violated',
    };
  };
  const r = fc.check(
    fc.property(arb, (v) => !broken(v).violated),
    // Shrinking is this check's job, whatever fast-check's global configuration says.
    { examples: [[[flows, list]]], numRuns: 1, seed, endOnFailure: false },
  );
  const cex = r.failed ? (r.counterexample?.[0] as [number, Intent[]] | undefined) : undefined;
  const shrunk = cex === undefined ? events : broken(cex).run.events;
  return shrinkEvents(config, invariant, shrunk);
}
