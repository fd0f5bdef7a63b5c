/**
 * original's description and steps. Its behaviour, step by step (the compare-exchange that moves
 * on 2, the release that never re-checks, the stranded flow), is tested in engine/driver/original.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { stepNames } from '../DriverVariant.js';
import { original } from './original.js';

describe('original', () => {
  it('is described and stepped as docs/semantics.md says', () => {
    expect(original.name).toBe('original');
    expect(original.summary).toBe(
      'notify: CAS(refCount, 2, 2), move on 2, then decrement; release: plain decrement',
    );
    expect([stepNames(original.flowDeleteNotify), stepNames(original.calloutExit)]).toEqual([
      ['cas', 'move', 'decrement'],
      ['decrement'],
    ]);
  });
});
