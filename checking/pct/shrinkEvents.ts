/**
 * Delta debugging for a found trace: remove whole flows, whole operations (every step of one notify, one
 * release, one poll), then chunks, then single events, for as long as the trace stays valid
 * (the engine accepts every event) and still violates the same invariant. The result is
 * 1-minimal: removing any one event more either breaks the trace or the violation.
 */
import type { EngineConfig } from '../../engine/EngineState.js';
import type { Event } from '../../engine/events.js';
import { flowOf } from '../../engine/events.js';
import { checkTrace } from '../../invariants/checkTrace.js';
import type { Invariant } from '../../invariants/Invariant.js';

/** Options of {@link shrinkEvents}. */
export interface ShrinkOptions {
  /** Most traces judged. @defaultValue 5000 */
  readonly budget?: number;
}

/** True when `events` is a valid trace that violates `invariant`. */
export const violates = (
  config: EngineConfig,
  invariant: Invariant,
  events: readonly Event[],
): boolean => {
  const r = checkTrace(config, events, [invariant]);
  return r.ok && r.value.verdicts[0]?.verdict === 'violated';
};

/**
 * The events grouped by operation: a stepped event joins the group of the same operation on the
 * same flow until that operation starts again; a callout's entry and its release form one group
 * (matched first in, first out); any other event is a group of its own.
 */
export function operationGroups(
  events: readonly Event[],
  firstSteps: ReadonlySet<string>,
): number[][] {
  const groups: number[][] = [];
  const open = new Map<string, number[]>();
  const entries = new Map<number, number[][]>();
  events.forEach((e, i) => {
    if (e.type === 'calloutEnter') {
      const g = [i];
      groups.push(g);
      entries.set(e.flow, [...(entries.get(e.flow) ?? []), g]);
      return;
    }
    const step = 'step' in e ? e.step : undefined;
    const flow = flowOf(e);
    const key = flow === undefined ? e.type : `${e.type}/${flow}`;
    const current = open.get(key);
    if (step !== undefined && current !== undefined && !firstSteps.has(`${e.type}.${step}`)) {
      current.push(i);
      return;
    }
    // A new operation: a release joins the oldest entry on its flow that has none yet.
    const queue = e.type === 'calloutExit' ? (entries.get(e.flow) ?? []) : [];
    const g = queue.shift() ?? [];
    if (g.length === 0) groups.push(g);
    g.push(i);
    if (step !== undefined) open.set(key, g);
  });
  return groups.map((g) => [...g].sort((a, b) => a - b));
}

/** The events of each flow, one set per flow (dropping a whole flow keeps the trace valid). */
function flowGroups(events: readonly Event[]): number[][] {
  const byFlow = new Map<number, number[]>();
  events.forEach((e, i) => {
    const flow = flowOf(e);
    if (flow === undefined) return;
    byFlow.set(flow, [...(byFlow.get(flow) ?? []), i]);
  });
  return [...byFlow.values()];
}

/**
 * A shorter trace that still violates `invariant` on `config`.
 *
 * @example
 * shrinkEvents(config, RateAtMost100, pctFound).length <= pctFound.length //=> true
 */
export function shrinkEvents(
  config: EngineConfig,
  invariant: Invariant,
  events: readonly Event[],
  options: ShrinkOptions = {},
): readonly Event[] {
  let budget = options.budget ?? 5000;
  const firstSteps = new Set([
    `flowDeleteNotify.${Object.keys(config.driver.flowDeleteNotify)[0] ?? ''}`,
    `calloutExit.${Object.keys(config.driver.calloutExit)[0] ?? ''}`,
    'poll.readOpen',
  ]);
  const keeps = (candidate: readonly Event[]): boolean =>
    budget-- > 0 && violates(config, invariant, candidate);
  let current = events;
  // Try removing sets of indices, largest first, restarting after every success.
  const pass = (sets: (list: readonly Event[]) => number[][]): boolean => {
    let progress = false;
    for (let again = true; again;) {
      again = false;
      for (const drop of sets(current)) {
        const gone = new Set(drop);
        const candidate = current.filter((_, i) => !gone.has(i));
        if (candidate.length < current.length && keeps(candidate)) {
          current = candidate;
          again = progress = true;
          break;
        }
      }
    }
    return progress;
  };
  const chunks = (size: number) => (list: readonly Event[]) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, c) =>
      Array.from({ length: Math.min(size, list.length - c * size) }, (_, j) => c * size + j),
    );
  for (let changed = true; changed && budget > 0;) {
    changed = pass(flowGroups);
    changed = pass((list) => operationGroups(list, firstSteps)) || changed;
    for (let size = Math.floor(current.length / 2); size >= 2; size = Math.floor(size / 2)) {
      changed = pass(chunks(size)) || changed;
    }
    changed = pass(chunks(1)) || changed;
  }
  return current;
}
