/**
 * The helpers a driver design's steps are written with: `goto`, `done`, and the step names an
 * operation lists.
 */
import { describe, expect, it } from 'vitest';
import { BLOCKED, done, firstStep, goto, memoryChangeText, stepNames } from './DriverVariant.js';
import { emptyDriver } from './tables.js';

const d = emptyDriver(4);

describe('step outcomes', () => {
  it('goto names the next step, with locals only when given', () => {
    expect(goto(d, 'move')).toStrictEqual({ driver: d, next: 'move' });
    expect(goto(d, 'move', { seen: 2 })).toStrictEqual({
      driver: d,
      next: 'move',
      locals: { seen: 2 },
    });
  });

  it('done ends the operation, and a blocked step says so', () => {
    expect(done(d)).toStrictEqual({ driver: d, next: null });
    expect(BLOCKED).toBe('blocked');
  });
});

describe('step names', () => {
  const op = { cas: () => done(d), move: () => done(d), decrement: () => done(d) };

  it('lists an operation steps in program order, the first one starting it', () => {
    expect([stepNames(op), firstStep(op)]).toEqual([['cas', 'move', 'decrement'], 'cas']);
  });

  it('gives an empty name for an operation without steps', () => {
    expect([stepNames({}), firstStep({})]).toEqual([[], '']);
  });
});

describe('memory changes', () => {
  it('reads a flag set or cleared, and a counter by its value', () => {
    expect([
      memoryChangeText('pendingMove', true),
      memoryChangeText('pendingMove', false),
      memoryChangeText('retries', 2),
    ]).toEqual(['pendingMove set', 'pendingMove cleared', 'retries 2']);
  });
});
