/**
 * Every trace file in counterexamples/, parsed (a file that does not parse is an error: the
 * replay tests say which).
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import type { Trace } from '../engine/trace.js';
import { parseTrace } from '../engine/trace.js';
import { invariantNames } from '../invariants/index.js';

/** The folder of saved counterexamples (a path, not a URL: a checkout may have spaces in its path). */
export const COUNTEREXAMPLES_DIR = fileURLToPath(new URL('../counterexamples/', import.meta.url));

/**
 * The traces of `dir`, by file name order.
 *
 * @example
 * loadCounterexamples().some((t) => t.violated === 'RateAtMost100') //=> true
 */
export function loadCounterexamples(dir = COUNTEREXAMPLES_DIR): Trace[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = parseTrace(readFileSync(dir + f, 'utf8'), {
        drivers: driverNames,
        agents: agentNames,
        invariants: invariantNames,
      });
      if (!r.ok) throw new Error(`${f}: ${r.error.message}`);
      return r.value;
    });
}
