/**
 * Saves a counterexample as `counterexamples/<driver>--<agent>--<Invariant>.json`: atomically
 * (temporary file, then rename), never silently over another file. A second find of the same cell
 * keeps the existing file unless asked to `replace`, and then keeps the shorter trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../lib/atomicWrite.js';
import type { Trace } from '../engine/trace.js';
import { serializeTrace } from '../engine/trace.js';

/** What {@link saveCounterexample} did. */
export type SaveOutcome =
  | { readonly action: 'written'; readonly file: string }
  | {
      readonly action: 'kept';
      readonly file: string;
      readonly existing: number;
      readonly reason: string;
    }
  | { readonly action: 'replaced'; readonly file: string; readonly existing: number };

/**
 * The conventional file name of a generated counterexample
 * (docs/style.md#file-names-carry-the-meaning).
 */
export const counterexampleName = (t: Pick<Trace, 'driver' | 'agent' | 'violated'>): string =>
  `${t.driver}--${t.agent}--${t.violated ?? 'trace'}.json`;

const eventCount = (file: string): number => {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { events?: unknown[] };
    return Array.isArray(parsed.events) ? parsed.events.length : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/**
 * Writes `trace` into `dir`.
 *
 * @example
 * saveCounterexample(trace, 'counterexamples', { replace: false }) //=> { action: 'written', file: 'counterexamples/original--prefix--RateAtMost100.json' }
 */
export function saveCounterexample(
  trace: Trace,
  dir: string,
  options: { readonly replace: boolean },
): SaveOutcome {
  const file = join(dir, counterexampleName(trace));
  // An exclusive create: of two concurrent saves of one target exactly one writes the file, and
  // the other finds it and keeps it (lib/atomicWrite.ts).
  if (atomicWrite(file, serializeTrace(trace), { noClobber: true }))
    return { action: 'written', file };
  const existing = eventCount(file);
  if (!options.replace)
    return {
      action: 'kept',
      file,
      existing,
      reason: 'the file exists; --replace keeps the shorter trace',
    };
  if (existing <= trace.events.length)
    return {
      action: 'kept',
      file,
      existing,
      reason: `the existing trace is not longer (${existing} events)`,
    };
  atomicWrite(file, serializeTrace(trace));
  return { action: 'replaced', file, existing };
}
