/**
 * `--max-memory` sizes: units, fractions, refusals, and a default that is this process's memory
 * plus a share of the machine's free memory.
 */
import { freemem } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultMemoryBudget, formatByteSize, parseByteSize } from './memoryBudget.js';

describe('parseByteSize', () => {
  it.each([
    ['512', 512 * 2 ** 20],
    ['512M', 512 * 2 ** 20],
    ['8G', 8 * 2 ** 30],
    ['8gib', 8 * 2 ** 30],
    ['1.5G', 1.5 * 2 ** 30],
    ['2048K', 2 * 2 ** 20],
    ['1T', 2 ** 40],
  ])('reads %s as %i bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', 'G', '-1G', '1e9', '8 G B', '12Q', `${'9'.repeat(30)}T`])('refuses %j', (text) => {
    expect(parseByteSize(text)).toBeNull();
  });
});

describe('defaultMemoryBudget', () => {
  it('is more than this process holds and less than it holds plus all free memory', () => {
    const budget = defaultMemoryBudget();
    expect(budget).toBeGreaterThan(process.memoryUsage.rss() - 2 ** 24);
    expect(budget).toBeLessThan(process.memoryUsage.rss() + freemem() + 2 ** 26);
  });
});

describe('formatByteSize', () => {
  it('writes MiB below a GiB and GiB with one decimal above', () => {
    expect([formatByteSize(64 * 2 ** 20), formatByteSize(1.5 * 2 ** 30)]).toEqual([
      '64 MiB',
      '1.5 GiB',
    ]);
  });
});
