/**
 * The breadth-first minimum `lingering check` compares a shrunk trace with: the bounds, the tuple
 * grouping and the environment come from the trace itself, and the minimum is searched there.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { formatEvent } from '../engine/events.js';
import { findInvariant } from '../invariants/index.js';
import { seq } from '../engine/seq.js';
import {
  boundsOfTrace,
  environmentOfTrace,
  shortestCounterexample,
} from './shortestCounterexample.js';

describe('boundsOfTrace', () => {
  it('counts flows, callout entries, polls and traffic, and gives each flow its own tuple', () => {
    expect(boundsOfTrace(seq('e1 ce1 r1 p t1 p'), 4)).toEqual({
      flows: 1,
      callouts: 1,
      polls: 2,
      layers: 4,
      traffic: 1,
      tuples: 1,
    });
    expect(boundsOfTrace(seq('e1 e2 p.readOpen p.readClosed'), 1)).toMatchObject({
      flows: 2,
      polls: 1,
      tuples: 2,
    });
  });

  it("keeps the trace's grouping by tuple: dealt in turn when it is, else flow by flow", () => {
    expect(boundsOfTrace(seq('e1 r1 e2@1'), 1)).toMatchObject({ flows: 2, tuples: 1 });
    expect(boundsOfTrace(seq('e1 e2 r1 e3@1'), 1)).toMatchObject({ flows: 3, tuples: 2 });
    const explicit = boundsOfTrace(seq('e1 e2 r2 e3@2'), 1);
    expect(explicit).toMatchObject({ flows: 3, tuples: 2, tupleOf: [1, 2, 2] });
  });

  it('counts a drain store among the flows', () => {
    expect(boundsOfTrace(seq('e1 f1 fd1 d.read d1.store'), 1).flows).toBe(1);
  });
});

describe('environmentOfTrace', () => {
  it('needs production for a drain, churn, a table order or a shared tuple', () => {
    expect(environmentOfTrace(seq('e1 r1 p t1 p'))).toBe('isolated');
    for (const text of ['e1 f1 fd1 d', 'e1 exp1', 'e1 reg1', 'e1 e2@1', 'e1 e2 p.readOpen[2,1]'])
      expect([text, environmentOfTrace(seq(text))]).toEqual([text, 'production']);
  });
});

describe('shortestCounterexample', () => {
  const config = {
    driver: findDriver('deferred-move')!,
    agent: findAgent('postfix')!,
    layers: 1,
    clients: 1,
  };

  it('searches within the trace grouping and environment', () => {
    const found = seq('e1 r1 e2@1 t2 p.readOpen[2,1] p.readClosed');
    const min = shortestCounterexample(config, findInvariant('NoGenuineFailureSuppressed')!, found);
    expect(min?.map(formatEvent)).toEqual([
      'establish(1)',
      'reset(1)',
      'establish(2, tuple 1)',
      'poll.readOpen[2, 1]',
      'poll.readClosed',
    ]);
  });

  it('searches the isolated world for a trace that needs nothing more, unless told otherwise', () => {
    const found = seq('e1 r1 p t1 p');
    const rate = findInvariant('RateAtMost100')!;
    const prefix = { ...config, driver: findDriver('original')!, agent: findAgent('prefix')! };
    expect(shortestCounterexample(prefix, rate, found)).toHaveLength(7);
    expect(shortestCounterexample(prefix, rate, found, 'production')).toHaveLength(7);
  });
});
