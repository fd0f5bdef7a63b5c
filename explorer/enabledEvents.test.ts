/**
 * The explorer's successor function: what each actor offers, and that the engine's own `step()`
 * decides what is enabled.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { newEngine } from '../engine/EngineState.js';
import { formatEvent } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { seq } from '../engine/seq.js';
import type { ExploreBounds } from './bounds.js';
import { emptyBudget } from './bounds.js';
import { enabledEvents, spend } from './enabledEvents.js';

const bounds: ExploreBounds = { flows: 2, callouts: 1, polls: 1, layers: 1, traffic: 1 };
const config = (driver: string) => ({
  driver: findDriver(driver)!,
  agent: findAgent('prefix')!,
  layers: 1,
  clients: 1,
});
const after = (driver: string, text: string) => {
  const r = runEvents(config(driver), seq(text));
  if (!r.ok) throw r.error;
  return r.value[r.value.length - 1]!;
};
const names = (driver: string, text: string, budget = emptyBudget(2), b = bounds) =>
  enabledEvents(after(driver, text), budget, b, 'isolated').map(formatEvent);
const production = (driver: string, text: string, b: ExploreBounds = bounds) =>
  enabledEvents(after(driver, text), emptyBudget(2), b, 'production').map(formatEvent);

describe('enabledEvents', () => {
  it('offers every establish and the first poll step at the start', () => {
    expect(
      enabledEvents(newEngine(config('original')), emptyBudget(2), bounds, 'isolated').map(
        formatEvent,
      ),
    ).toEqual(['establish(1)', 'establish(2)', 'poll.readOpen']);
  });

  it('offers the next step of an operation part-way through (the CAS saw 2: move), and the poll its second read', () => {
    expect(names('original', 'e1 r1 fd1.cas p.readOpen')).toEqual([
      'traffic(1, 10)',
      'flowDeleteNotify(1).move',
      'establish(2)',
      'poll.readClosed',
    ]);
  });

  it('leaves out a step the flow lock blocks: only the lock holder moves', () => {
    const events = names('flow-lock', 'e1 ce1 r1 cx1.acquire');
    expect(events).toContain('calloutExit(1).update');
    expect(events.some((e) => e.startsWith('flowDeleteNotify(1)'))).toBe(false);
  });

  it('offers no traffic on a drained flow, and none once its budget is spent', () => {
    expect(names('original', 'e1 r1 fd1 p').some((e) => e.startsWith('traffic(1'))).toBe(false);
    const spent = spend(emptyBudget(2), { type: 'traffic', flow: 1 as never, bytes: 10 });
    expect(names('original', 'e1', spent).some((e) => e.startsWith('traffic(1'))).toBe(false);
  });

  it('stops offering calloutEnter after C entries and polls after P', () => {
    const entered = spend(emptyBudget(2), { type: 'calloutEnter', flow: 1 as never });
    expect(names('original', 'e1 ce1', entered)).not.toContain('calloutEnter(1)');
    expect(names('original', 'e1 p')).not.toContain('poll.readOpen');
  });
});

describe('enabledEvents in production', () => {
  it('adds client churn, and deals the flows to the tuples in turn', () => {
    expect(production('original', '')).toEqual([
      'establish(1)',
      'establish(2)',
      'poll.readOpen',
      'clientExpire(1)',
    ]);
    expect(production('original', 'e1', { ...bounds, tuples: 1 })).toContain('calloutEnter(1)');
    expect(production('original', 'e1', { ...bounds, tuples: 1 })).not.toContain(
      'establish(2, tuple 1)',
    );
    expect(production('original', 'e1 r1', { ...bounds, tuples: 1 })).toContain(
      'establish(2, tuple 1)',
    );
    expect(production('original', 'exp1')).toContain('clientRegister(1)');
  });

  it('offers the drain read while closedFlows holds a flow, then a store of each record it holds', () => {
    expect(production('original', 'e1 f1 fd1')).toContain('drain.read');
    expect(production('original', 'e1 f1')).not.toContain('drain.read');
    expect(
      production('original', 'e1 f1 fd1 e2 f2 fd2 d.read').filter((e) => e.startsWith('drain')),
    ).toEqual(['drain.store(1)', 'drain.store(2)']);
  });

  it('reads a table in every order that changes the order of one tuple', () => {
    const two = { ...bounds, tuples: 1 };
    expect(production('original', 'e1 r1 e2@1', two).filter((e) => e.startsWith('poll'))).toEqual([
      'poll.readOpen[1, 2]',
      'poll.readOpen[2, 1]',
    ]);
    expect(production('original', 'e1 r1 e2').filter((e) => e.startsWith('poll'))).toEqual([
      'poll.readOpen',
    ]);
  });
});
