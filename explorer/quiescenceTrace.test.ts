/**
 * Renumbering a trace's flows within their tuple (quiescenceTrace.ts): every event follows, an
 * establish keeps its tuple, and the result is a trace the engine takes.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { formatEvent } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { seq } from '../engine/seq.js';
import { renameFlows } from './quiescenceTrace.js';

describe('renameFlows', () => {
  it('renames flows, orders and stores, and keeps each establish on its tuple', () => {
    const events = seq('e1 r1 e3@1 f3 p.readOpen[3,1] p.readClosed fd3 d.read d3.store');
    const renamed = renameFlows(
      events,
      new Map([
        [1, 3],
        [3, 1],
      ]),
    );
    expect(renamed.map(formatEvent)).toEqual([
      'establish(3, tuple 1)',
      'reset(3)',
      'establish(1)',
      'fin(1)',
      'poll.readOpen[1, 3]',
      'poll.readClosed',
      'flowDeleteNotify(1)',
      'drain.read',
      'drain.store(1)',
    ]);
    const config = {
      driver: findDriver('original')!,
      agent: findAgent('postfix')!,
      layers: 1,
      clients: 1,
    };
    expect([runEvents(config, events).ok, runEvents(config, renamed).ok]).toEqual([true, true]);
  });
});
