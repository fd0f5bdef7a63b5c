/**
 * `--max-memory`: how much memory a search may use before it stops (lib/memoryOver.ts), written
 * as a size (`512M`, `8G`, `1.5GiB`; a bare number is MiB). By default a share of what the machine
 * has free when the search starts, within the process's cgroup limit when it has one, so that a
 * search too big for the machine stops with a message instead of being killed.
 */
import { freemem, totalmem } from 'node:os';
import { constrainedMemory, memoryUsage } from 'node:process';

const MIB = 2 ** 20;
const UNITS: Readonly<Record<string, number>> = { K: 2 ** 10, M: MIB, G: 2 ** 30, T: 2 ** 40 };

/** The smallest budget accepted: below it not even the model's tables fit. */
export const MIN_MEMORY = 64 * MIB;

/**
 * The share of free memory a search may take by default: workers check the budget while they
 * expand a level, not while they store what others sent them, so a search can pass it by what
 * one level stores (a 2 GiB budget peaked at 2.9 GB at N = 4); the rest is that margin.
 */
const DEFAULT_SHARE = 0.6;

/**
 * Bytes of a size such as `8G`, or null when it is not one.
 *
 * @example
 * parseByteSize('1.5G') //=> 1610612736
 */
export function parseByteSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?$/i.exec(text.trim());
  if (m === null) return null;
  const unit = (m[2] ?? '').toUpperCase();
  const bytes = Math.floor(Number(m[1]) * (unit === '' ? MIB : (UNITS[unit] as number)));
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/**
 * The default budget: this process's memory now plus a share of what is free, never above the
 * cgroup's limit.
 */
export function defaultMemoryBudget(): number {
  const budget = memoryUsage.rss() + DEFAULT_SHARE * freemem();
  // Without a cgroup limit Node reports 2^64 (or 0): only a limit below the machine's counts.
  const limit = constrainedMemory?.() ?? 0;
  const limited = limit > 0 && limit < totalmem();
  return Math.floor(limited ? Math.min(budget, DEFAULT_SHARE * limit) : budget);
}

/**
 * A size for people.
 *
 * @example
 * formatByteSize(1610612736) //=> '1.5 GiB'
 */
export function formatByteSize(bytes: number): string {
  return bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(1)} GiB`
    : `${Math.round(bytes / MIB)} MiB`;
}
