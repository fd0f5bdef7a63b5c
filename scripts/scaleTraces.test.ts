/**
 * The scale figures' traces are valid traces of their size: the engine runs them to the end, and
 * the lifecycle trace ends every one of the 64 flows on reused tuples with both clients polling.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { allFlows } from '../engine/driver/tables.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { isEnded } from '../engine/driver/flow.js';
import type { Event } from '../engine/events.js';
import { clientsNamed, MAX_FLOW } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import type { ScaleTrace } from './scaleTraces.js';
import { lifecycleTrace, pollingTrace } from './scaleTraces.js';

function lastState(t: ScaleTrace) {
  const events = t.events as readonly Event[];
  const config = {
    driver: findDriver(t.driver)!,
    agent: findAgent(t.agent)!,
    layers: t.layers,
    clients: clientsNamed(events),
  };
  const run = runEvents(config, events);
  if (!run.ok) throw run.error;
  return run.value.at(-1)!;
}

describe('the scale traces', () => {
  it('polls one flow for exactly the events asked', () => {
    const t = pollingTrace(3001);
    expect(t.events).toHaveLength(3001);
    expect(lastState(t).polls).toBe(1000);
  });

  it("runs every flow's whole life, on tuples 1–8, spread over the events asked", () => {
    const t = lifecycleTrace(3000);
    expect(t.events).toHaveLength(3000);
    const s = lastState(t);
    const flows = allFlows(s.driver);
    expect(flows).toHaveLength(MAX_FLOW);
    expect(flows.every((f) => isEnded(f) && f.freed)).toBe(true);
    expect(new Set(flows.map((f) => f.tuple))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(s.backends).toHaveLength(2);
  });
});
