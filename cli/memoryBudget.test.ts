/**
 * `--max-memory` sizes: units, fractions, refusals, and a default that is this process's memory
 * plus a share of the machine's free memory.
 */
import { syncBuiltinESMExports } from 'node:module';
import os, { freemem } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    ['1.25G', 1.25 * 2 ** 30],
    ['8GB', 8 * 2 ** 30],
    [' 8G ', 8 * 2 ** 30],
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

describe('defaultMemoryBudget on a machine the test makes up', () => {
  const MIB = 2 ** 20;

  /** 100 MiB held, `free` MiB free of 4,000 MiB, and a cgroup limit as Node reports it. */
  function machine(limit: number, free = 1_000): number {
    vi.spyOn(process.memoryUsage, 'rss').mockReturnValue(100 * MIB);
    vi.spyOn(os, 'freemem').mockReturnValue(free * MIB);
    vi.spyOn(os, 'totalmem').mockReturnValue(4_000 * MIB);
    vi.spyOn(process, 'constrainedMemory').mockReturnValue(limit);
    // The module's named imports of node:os and node:process see the spies only after this.
    syncBuiltinESMExports();
    return defaultMemoryBudget();
  }

  afterEach(() => {
    vi.restoreAllMocks();
    syncBuiltinESMExports();
  });

  it('is what is held plus 60% of what is free without a cgroup limit (0 or 2^64)', () => {
    expect(machine(0)).toBe(700 * MIB);
    expect(machine(2 ** 64)).toBe(700 * MIB);
  });

  it('is at most 60% of a cgroup limit below the machine', () => {
    expect(machine(500 * MIB)).toBe(300 * MIB);
    expect(machine(2_000 * MIB)).toBe(700 * MIB);
  });

  it('ignores a cgroup limit as large as the machine', () => {
    // 100 + 60% of 3,900 = 2,440 MiB, above 60% of the 4,000 MiB limit.
    expect(machine(4_000 * MIB, 3_900)).toBe(2_440 * MIB);
  });

  it('is uncapped where Node has no constrainedMemory (before 19)', () => {
    const holder = process as { constrainedMemory?: unknown };
    const saved = holder.constrainedMemory;
    holder.constrainedMemory = undefined;
    try {
      vi.spyOn(process.memoryUsage, 'rss').mockReturnValue(100 * MIB);
      vi.spyOn(os, 'freemem').mockReturnValue(1_000 * MIB);
      syncBuiltinESMExports();
      expect(defaultMemoryBudget()).toBe(700 * MIB);
    } finally {
      holder.constrainedMemory = saved;
    }
  });
});

describe('formatByteSize', () => {
  const MIB = 2 ** 20;

  it('writes MiB below a GiB and GiB with one decimal above', () => {
    expect([formatByteSize(64 * 2 ** 20), formatByteSize(1.5 * 2 ** 30)]).toEqual([
      '64 MiB',
      '1.5 GiB',
    ]);
    expect([formatByteSize(2 ** 30 - MIB), formatByteSize(2 ** 30)]).toEqual([
      '1023 MiB',
      '1.0 GiB',
    ]);
  });
});
