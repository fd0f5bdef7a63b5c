/**
 * Whether this process has outgrown a memory budget: its resident set (one figure for every
 * thread of the process) above `maxBytes`, or this thread's JavaScript heap within a tenth of
 * V8's limit, past which V8 aborts the process with no chance to report. A long search checks it
 * now and then and stops cleanly, saying which bound to lower, instead of being killed.
 */
import { memoryUsage } from 'node:process';
import { getHeapStatistics } from 'node:v8';

/** What ran out: the resident set or the heap. */
export type MemoryShortage = 'rss' | 'heap';

/**
 * The first budget this process is over, or null.
 *
 * @example
 * memoryOver(1) //=> 'rss'
 */
export function memoryOver(maxBytes: number): MemoryShortage | null {
  if (memoryUsage.rss() > maxBytes) return 'rss';
  const heap = getHeapStatistics();
  return heap.used_heap_size > 0.9 * heap.heap_size_limit ? 'heap' : null;
}
