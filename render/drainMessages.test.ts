import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture } from '../cli/pictureFixtures.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { newEngine } from '../engine/EngineState.js';
import { drainMessages } from './drainMessages.js';

/** The drain's arrows in a hand-written trace, as `from->to label | detail`. */
const drainArrows = (text: string): string[] =>
  inlinePicture(seq(text)).steps.flatMap((s) =>
    s.messages
      .filter((m) => m.from === 'drain')
      .map((m) => `${m.from}->${m.to} ${m.label} | ${m.detail}`),
  );

describe('drainMessages', () => {
  it('gives the refCount a read leaves, without freed while a notify still holds the flow', () => {
    expect(drainArrows('e1 r1 fd1*3 fd1.cas fd1.move d.read')).toEqual([
      'drain->driver drain.read | read closedFlows [1]: flow 1 refCount 1 · holds [1]',
    ]);
  });

  it('names the clients a store goes into in ascending order, whatever order they registered in', () => {
    expect(drainArrows('e1 t1 p@1 p@2 exp1 reg1 r1 fd1*4 d')).toEqual([
      'drain->driver drain | read closedFlows [1]: flow 1 refCount 0, freed',
      "drain->agent store(1) | flow 1's record (TCPClosed 1, TCPFailures {104:1}, 10 B) stored into the closed buffers of clients 1, 2",
    ]);
  });
});

describe('drainMessages of a drain with nothing to read or store', () => {
  const start = newEngine({
    driver: findDriver('original')!,
    agent: findAgent('prefix')!,
    layers: 4,
    clients: 1,
  });

  it('says a store finds nothing held', () => {
    expect(drainMessages(start, { type: 'drain', step: 'store' }, start)).toEqual([
      { from: 'drain', to: 'agent', label: 'drain.store', detail: 'nothing held' },
    ]);
  });

  it('reads an empty closedFlows and stores nothing', () => {
    expect(drainMessages(start, { type: 'drain' }, start)).toEqual([
      { from: 'drain', to: 'driver', label: 'drain', detail: 'read closedFlows []: ' },
    ]);
  });
});
