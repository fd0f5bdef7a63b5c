/**
 * lingering: where a stranded flow's last delete notification began and what held it, the
 * explanation invariants fall back on.
 */
import { describe, expect, it } from 'vitest';
import { runAfter, type RunOptions } from '../../checking/fixtures/runs.js';
import { lingering } from './lingering.js';

const why = (text: string, options?: RunOptions) => lingering(runAfter(text, options));

const began = (step: string, held: number, flow: number) =>
  `at step ${step} the last delete notification began with refCount 3 and ${held} callout(s) holding a reference: flow ${flow} stayed in openFlows`;

describe('lingering', () => {
  it("names the last notification of the PR race, under the callout's reference", () => {
    expect(why('e1 ce1 r1 fd1*4 cx1 p t1 p')).toBe(began('7 (flowDeleteNotify(1))', 1, 1));
  });

  it('finds it at the last event of the trace', () => {
    expect(why('e1 ce1 r1 fd1*4')).toBe(began('7 (flowDeleteNotify(1))', 1, 1));
  });

  it('counts the notification as begun at its first step', () => {
    expect(why('e1 ce1 r1 fd1*3 fd1.cas')).toBe(began('7 (flowDeleteNotify(1).cas)', 1, 1));
  });

  it('counts a callout part-way through its release as holding a reference', () => {
    const racy = { driver: 'deferred-move-racy', agent: 'postfix' };
    expect(why('e1 ce1 r1 fd1*3 cx1.readPending fd1 cx1.decrement', racy)).toBe(
      began('8 (flowDeleteNotify(1))', 1, 1),
    );
  });

  it('skips a live flow in openFlows and names the ended one', () => {
    expect(why('e1 e2 ce2 f2 fd2*4 cx2')).toBe(began('8 (flowDeleteNotify(2))', 1, 2));
  });

  it('says when the last notification came only in the close-out', () => {
    // The broken release never gives back its reference; the close-out sends the notifications.
    expect(why('e1 ce1 r1', { driver: 'skip-exit-decrement', agent: 'postfix' })).toBe(
      'flow 1 never got its last delete notification before the close-out',
    );
  });

  it('sees nothing when no ended flow is left in openFlows', () => {
    expect(why('e1 e2 r2 fd2*4', { driver: 'deferred-move', agent: 'postfix' })).toBeNull();
  });
});
