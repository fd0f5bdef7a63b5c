/**
 * parseSpin: pan's output read into figures, and how pan ended (run.sh's lines).
 *
 * Leaves out: running SPIN (the bench does, when it is installed).
 */
import { describe, expect, it } from 'vitest';
import { parseSpin } from './spinRun.js';

const stats = (states: number) =>
  `State-vector 112 byte, depth reached 186, errors: 0\n   ${states} states, stored\n  1142471 transitions (= stored+matched)\n  159.980\ttotal actual memory usage\npan: elapsed time 0.55 seconds\npan: rate 749794.55 states/second\n`;

describe('parseSpin', () => {
  it('reads a complete search and GNU time’s peak', () => {
    const f = parseSpin(`${stats(412387)}pan-peak-kb=165224\n`, '-DN=3 -DP=3', 1.4);
    expect(f).toMatchObject({ outcome: 'complete', states: 412387, peakKb: 165224, depth: 186 });
  });

  it('tells out of memory from a timeout, and falls back on pan’s own memory figure', () => {
    const oom = parseSpin(`pan: reached -DMEMLIM bound\n${stats(5)}`, '', 1);
    expect(oom).toMatchObject({ outcome: 'out of memory', peakKb: Math.round(159.98 * 1024) });
    expect(parseSpin('pan: timeout after 2 seconds\n', '', 1)).toMatchObject({
      outcome: 'timeout',
      states: 0,
    });
  });
});
