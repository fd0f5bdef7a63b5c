/**
 * A design's per-flow memory as every reader walks it: fields in name order, a write that leaves
 * the old flow as it was.
 */
import { describe, expect, it } from 'vitest';
import { memoryFields, NO_MEMORY, sortedMemory, withMemory } from './FlowMemory.js';

describe('FlowMemory', () => {
  it('lists the fields in name order, whatever order the design declared them in', () => {
    expect(memoryFields({ pendingMove: false, locked: true, attempts: 2 })).toEqual([
      'attempts',
      'locked',
      'pendingMove',
    ]);
    expect(memoryFields(NO_MEMORY)).toEqual([]);
  });

  it('writes the fields in name order, so equal memories are equal JSON', () => {
    expect(JSON.stringify(sortedMemory({ pendingMove: false, locked: true }))).toBe(
      JSON.stringify(sortedMemory({ locked: true, pendingMove: false })),
    );
  });

  it('sets one field of a new flow, leaving the old one and the other fields as they were', () => {
    const flow = { id: 1, memory: { pendingMove: false, retries: 0 } };
    const after = withMemory(flow, 'retries', 1);
    expect([after, flow.memory]).toEqual([
      { id: 1, memory: { pendingMove: false, retries: 1 } },
      { pendingMove: false, retries: 0 },
    ]);
  });
});
