/**
 * The engine's observable state as `EngineMatchesModel` compares it: per flow its table, refCount,
 * end, its design's memory, and what each client's backend received for it.
 */
import { describe, expect, it } from 'vitest';
import { seqStates } from './seq.js';
import { findAgent } from './agent/variants/index.js';
import { findDriver } from './driver/variants/index.js';
import type { EngineState } from './EngineState.js';
import { newEngine } from './EngineState.js';
import { project } from './projection.js';

function after(text: string, driver = 'original', clients = 1): EngineState {
  return seqStates(
    { driver: findDriver(driver)!, agent: findAgent('prefix')!, layers: 4, clients },
    text,
  ).at(-1)!;
}

describe('project', () => {
  it('projects nothing before the first flow', () => {
    expect(
      project(
        newEngine({
          driver: findDriver('original')!,
          agent: findAgent('prefix')!,
          layers: 4,
          clients: 1,
        }),
      ),
    ).toEqual([]);
  });

  it('projects an established flow', () => {
    expect(project(after('e1'))).toEqual([
      {
        flow: 1,
        table: 'open',
        refCount: 5,
        ended: false,
        memory: {},
        shipped: [{ closes: 0, failures: 0 }],
      },
    ]);
  });

  it('projects each flow by number with what each client received for it', () => {
    // Arrange: flow 2 reset and drained, flow 1 live; the first of two clients polled.
    const s = after('e2 e1 r2 fd2*4 p', 'original', 2);
    // Act
    const p = project(s);
    // Assert
    expect(p).toEqual([
      {
        flow: 1,
        table: 'open',
        refCount: 5,
        ended: false,
        memory: {},
        shipped: [
          { closes: 0, failures: 0 },
          { closes: 0, failures: 0 },
        ],
      },
      {
        flow: 2,
        table: 'none',
        refCount: 0,
        ended: true,
        memory: {},
        shipped: [
          { closes: 1, failures: 1 },
          { closes: 0, failures: 0 },
        ],
      },
    ]);
  });

  it('shows the pending move of deferred-move while a callout holds the last reference', () => {
    expect(project(after('e1 ce1 f1 fd1*4', 'deferred-move'))).toEqual([
      {
        flow: 1,
        table: 'open',
        refCount: 2,
        ended: true,
        memory: { pendingMove: true },
        shipped: [{ closes: 0, failures: 0 }],
      },
    ]);
  });
});
