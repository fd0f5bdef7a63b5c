/**
 * closeTwice: a flow's close shipped a second time because the drain stored its record after a
 * poll had forgotten the flow's baseline (docs/environment.md, the asynchronous drain).
 */
import { describe, expect, it } from 'vitest';
import { runAfter } from '../../checking/fixtures/runs.js';
import { closeTwice } from './closeTwice.js';

const why = (text: string) => closeTwice(runAfter(text));

// The race: the first poll ships the close, the drain reads the closed record, a poll runs
// before the store and forgets the baseline, and the next poll ships the close again.
const RACE = 'e1 r1 p fd1*4 d.read p d.store p';

const forgot = (read: number, poll: number, store: string) =>
  `: the drain read its closed record at step ${read} (drain.read), the poll at step ${poll} (poll) ran before the store ${store} and forgot the flow's baseline, so the record came back with Last = Monotonic`;

describe('closeTwice', () => {
  it('names the read, the poll between and the store of the drain race', () => {
    expect(why(RACE)).toBe(
      `at step 11 (poll) flow 1 shipped its close a second time${forgot(8, 9, 'at step 10 (drain.store)')}`,
    );
  });

  it('sees nothing when the drain stores before the next poll', () => {
    expect(why('e1 r1 p fd1*4 d.read d.store p')).toBeNull();
  });

  it('passes over a re-report that adds no close, then finds the close shipped twice', () => {
    // Flow 2 lingers: its second poll ships a record with TCPClosed 0 after a close was counted.
    expect(why('e1 e2 ce2 r1 r2 p t2 p fd1*4 d.read p d.store p')).toBe(
      `at step 16 (poll) flow 1 shipped its close a second time${forgot(13, 14, 'at step 15 (drain.store)')}`,
    );
  });

  it('takes the last store before the poll even with another event after it', () => {
    expect(why('e1 e2 r1 p fd1*4 d.read p d.store t2 p')).toBe(
      `at step 13 (poll) flow 1 shipped its close a second time${forgot(9, 10, 'at step 11 (drain.store)')}`,
    );
  });

  it('looks only before the poll: a store in the close-out right after it is not the one', () => {
    // The second drain reads flow 2 and the close-out stores it just after the last poll.
    expect(why('e1 e2 r1 r2 p fd1*4 d.read p d.store fd2*4 d.read p')).toBe(
      `at step 18 (poll) flow 1 shipped its close a second time${forgot(10, 11, 'at step 12 (drain.store)')}`,
    );
  });

  it('takes the read before the store, not another store of the same drain', () => {
    expect(why('e1 e2 r1 r2 p fd1*4 fd2*4 d.read p d2.store d1.store p')).toBe(
      `at step 18 (poll) flow 2 shipped its close a second time${forgot(14, 15, 'at step 17 (drain.store(1))')}`,
    );
  });

  it('says only "no baseline" when the last drain ran its read and store with no poll between', () => {
    expect(why('e1 e2 r1 r2 p fd1*4 d.read p d.store fd2*4 d.read d.store p')).toBe(
      'at step 19 (poll) flow 1 shipped its close a second time: its record came with no baseline',
    );
  });

  it('names a store of the close-out as such', () => {
    expect(why('e1 r1 p fd1*4 d.read p')).toBe(
      `in the close-out (poll) flow 1 shipped its close a second time${forgot(8, 9, 'in the close-out (drain.store)')}`,
    );
  });
});
