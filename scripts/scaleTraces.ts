/**
 * The long traces the scale figures run (scripts/scaleFigures.ts): one flow polled for ever, and
 * every flow's whole life (establish on a reused tuple, traffic, a callout, reset or fin, the four
 * delete notifications, the drain's read and store, polls part-way and whole) spread over the
 * trace, with client 2 expiring and registering between polls. Flows are numbered 1–64 and never
 * reused (docs/events.md), so the second trace's last states carry all 64.
 */
import { MAX_FLOW } from '../engine/events.js';
import { eventToJson } from '../engine/events.js';
import { seq } from '../engine/seq.js';

/** A `lingering-trace/v1` file's content. */
export interface ScaleTrace {
  readonly format: 'lingering-trace/v1';
  readonly driver: string;
  readonly agent: string;
  readonly layers: number;
  readonly events: readonly unknown[];
}

const traceOf = (events: readonly unknown[]): ScaleTrace => ({
  format: 'lingering-trace/v1',
  driver: 'original',
  agent: 'prefix',
  layers: 4,
  events,
});

/**
 * `n` events: flow 1 established, then traffic and the two steps of a poll, in turn.
 *
 * @example
 * pollingTrace(4).events //=> establish(1), traffic(1, 10), poll.readOpen, poll.readClosed
 */
export function pollingTrace(n: number): ScaleTrace {
  const filler = seq('t1 p.readOpen p.readClosed').map(eventToJson);
  const events: unknown[] = [eventToJson(seq('e1')[0]!)];
  for (let i = 0; events.length < n; i++) events.push(filler[i % filler.length]);
  return traceOf(events);
}

/** Flow `f`'s whole life, on tuple 1–8 (flow f + 8 takes flow f's once it has ended). */
const life = (f: number) =>
  `e${f}@${((f - 1) % 8) + 1} t${f}:100 ce${f} p.readOpen ${f % 2 === 1 ? 'r' : 'f'}${f} p.readClosed cx${f} fd${f}*4 d.read d.store p@1 p@2`;

/** Between lives: traffic on the ended flow, client 2's churn, polls of both clients. */
const filler = (f: number) => `t${f} exp2 p@1 reg2 p@2 p.readOpen p.readClosed`;

/**
 * `n` events: the 64 flows' lives, each followed by filler up to an equal share of the trace, cut
 * at `n` (a trace holds at most 100,000 events, and may end with a poll part-way through). Every
 * life fits from about 1,100 events on.
 *
 * @example
 * lifecycleTrace(10_000).events.length //=> 10_000
 */
export function lifecycleTrace(n: number): ScaleTrace {
  const events: unknown[] = [];
  for (let f = 1; f <= MAX_FLOW; f++) {
    const end = Math.ceil((n * f) / MAX_FLOW);
    events.push(...seq(life(f)).map(eventToJson));
    const more = seq(filler(f)).map(eventToJson);
    while (events.length < end) for (const e of more) events.push(e);
  }
  return traceOf(events.slice(0, n));
}
