/**
 * breakShippedRecords: a witness's fault in the last poll's shipped records.
 */
import { describe, expect, it } from 'vitest';
import { stateAfter } from '../checking/fixtures/states.js';
import { breakShippedRecords } from './Witness.js';

const zeroCookie = breakShippedRecords((r) => ({ ...r, cookie: 0 }));

describe('breakShippedRecords', () => {
  it("replaces each of the last poll's records", () => {
    const s = zeroCookie(stateAfter('e1 e2 t1 t2 p'));
    expect(s.lastPoll?.records.map((r) => r.cookie)).toEqual([0, 0]);
  });

  it('leaves a state with no poll as it is', () => {
    const s = stateAfter('e1');
    expect(zeroCookie(s)).toBe(s);
  });
});
