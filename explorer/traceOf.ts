/**
 * Turns a path of stored states back into engine events: replays from the initial state, and at
 * each step picks the enabled event whose successor has the next stored key. The events come out
 * in the engine's own numbering, and every one has just been accepted by `step()`.
 *
 * Leaves out: storing events during the search (a parent pointer per state is all it keeps).
 */
import type { EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import type { Budget } from './bounds.js';
import { emptyBudget } from './bounds.js';
import { sortLocals } from './canonicalise.js';
import { successors } from './enabledEvents.js';
import { keyWords, writeKey } from './encodeState.js';
import type { LocalTables } from './LocalTables.js';
import { projectGlobal, projectGroup } from './projectState.js';

/**
 * The packed key of a whole engine state (what the search would store for it).
 *
 * @example
 * keyOfState(tables, newEngine(config), emptyBudget(2), true, false) //=> the search's initial key
 */
function keyOfState(
  tables: LocalTables,
  state: EngineState,
  budget: Budget,
  symmetry: boolean,
  wide: boolean,
): Uint32Array {
  const { bounds } = tables.config;
  const n = tables.places.length;
  const locals = new Int32Array(n);
  tables.places.forEach((place, j) => {
    locals[j] = tables.intern(projectGroup(state, place, budget, bounds));
  });
  if (symmetry) sortLocals(locals, n);
  const key = new Uint32Array(keyWords(n, wide));
  writeKey(key, 0, tables.shared.intern(projectGlobal(state)), locals, n, wide);
  return key;
}

const sameKey = (a: Uint32Array, b: Uint32Array): boolean => a.every((w, i) => w === b[i]);

/**
 * The events that lead from the initial state through `keys` (each the key of the next state).
 *
 * @example
 * eventsTo(tables, [keyAfterEstablish], true, false) //=> [{ type: 'establish', flow: 1 }]
 */
export function eventsTo(
  tables: LocalTables,
  keys: readonly Uint32Array[],
  symmetry: boolean,
  wide: boolean,
): Event[] {
  const { bounds } = tables.config;
  let state = newEngine(tables.engine);
  let budget = emptyBudget(bounds.flows);
  const events: Event[] = [];
  for (const target of keys) {
    const next = successors(state, budget, bounds, tables.environment).find((s) =>
      sameKey(keyOfState(tables, s.state, s.budget, symmetry, wide), target),
    );
    if (next === undefined) {
      throw new Error(
        `explorer: no enabled event reaches the stored state after ${events.length} events (the abstraction is not exact)`,
      );
    }
    events.push(next.event);
    state = next.state;
    budget = next.budget;
  }
  return events;
}
