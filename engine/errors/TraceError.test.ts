/**
 * A malformed file or value as data: the field, what was there, and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { TraceError } from './TraceError.js';

describe('TraceError', () => {
  it('joins a list of allowed values', () => {
    const e = new TraceError('driver', '"orignal"', ['original', 'cas-retry']);
    expect([e.name, e.message, e.field, e.got, e.allowed]).toEqual([
      'TraceError',
      'driver: got "orignal"; allowed: original, cas-retry',
      'driver',
      '"orignal"',
      ['original', 'cas-retry'],
    ]);
  });

  it('prints an allowed text as it is', () => {
    expect(new TraceError('layers', '0', 'at least 1').message).toBe(
      'layers: got 0; allowed: at least 1',
    );
  });
});
