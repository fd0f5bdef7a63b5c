/**
 * The explorer's report, in the manner of TLC's summary: the pair, bounds, environment and
 * reductions, each invariant's verdict (a violated one with its shortest trace as a numbered
 * program and the *because*), then states generated, distinct states, states left on the queue,
 * the depth of the complete search and the rate; and the same as JSON data.
 *
 * Leaves out: TLC's out-degree statistics.
 */
import type { EngineState } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { eventToJson, formatEvent } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { explainViolation } from '../invariants/explainViolation.js';
import { invariants as ALL_INVARIANTS } from '../invariants/index.js';
import type { ExploreConfig } from './bounds.js';
import { engineConfigOf } from './bounds.js';
import { normalTuples, tupleGroups } from './tupleGroups.js';
import type { ExploreResult, Violation } from './bfs.js';
import { closedOut } from './closedOut.js';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));

/**
 * How many numberings of the flows symmetry takes as one: the flows within each tuple, and the
 * tuples of equal size among themselves.
 *
 * @example
 * flowOrders({ ...config, bounds: { ...bounds, flows: 3, tuples: 2 } }) //=> 2 (flows 1 and 3)
 */
function flowOrders(config: ExploreConfig): number {
  const sizes = tupleGroups(config).map((g) => g.length);
  const bySize = new Map<number, number>();
  for (const s of sizes) bySize.set(s, (bySize.get(s) ?? 0) + 1);
  let out = 1;
  for (const s of sizes) out *= factorial(s);
  for (const k of bySize.values()) out *= factorial(k);
  return out;
}

/** The environment in one line (docs/environment.md). */
const environmentLine = (r: ExploreResult): string =>
  r.environment === 'production'
    ? 'production (4-tuple reuse, the asynchronous closed-flow drain, client churn, any table order)'
    : 'isolated (every flow its own tuple, no drain, no churn, tables in insertion order)';

/** The tuple grouping in words. */
const tuplesText = (r: ExploreResult): string => {
  const b = r.config.bounds;
  if (r.tuples === b.flows) return 'each its own tuple';
  const explicit = normalTuples(r.config).tupleOf;
  return explicit === undefined
    ? `dealt to ${plural(r.tuples, 'tuple')} in turn`
    : `in ${plural(r.tuples, 'tuple')} [${explicit.join(', ')}]`;
};

/** Why the violation happened, from the engine's own run of its trace (or null). */
function becauseOf(r: ExploreResult, v: Violation): string | null {
  const engine = engineConfigOf(r.config);
  const run = runEvents(engine, v.events);
  if (!run.ok) return null;
  const states = run.value;
  return explainViolation(
    states,
    v.events,
    closedOut(engine, states[states.length - 1] as EngineState),
    v.invariant.name,
  );
}

/** The bounds in one line. */
const boundsLine = (r: ExploreResult): string => {
  const b = r.config.bounds;
  return `N=${b.flows} flows (${tuplesText(r)}), C=${b.callouts} callout ${b.callouts === 1 ? 'entry' : 'entries'} per flow, P=${b.polls} polls, L=${b.layers}, T=${b.traffic} traffic ${b.traffic === 1 ? 'event' : 'events'} per flow`;
};

/** The reductions in one line. */
const reductionsLine = (r: ExploreResult): string =>
  [
    r.symmetry ? `symmetry (${n(flowOrders(r.config))} flow orders as one)` : 'no symmetry',
    r.ample
      ? `persistent sets (${n(r.statesExpandedAlone)} states expanded through one flow; traces not always the shortest)`
      : r.por
        ? `sleep sets (${n(r.sleptMoves)} moves skipped)`
        : 'no partial-order reduction',
    r.minimise
      ? `local minimisation (${n(r.localStates)} local states in ${n(r.localClasses)} classes)`
      : 'no local minimisation',
  ].join(', ');

/** With several searches, one line for each (bfs.ts: violated invariants are dropped in turn). */
function phaseLines(r: ExploreResult): string[] {
  const phases = r.phases ?? [];
  if (phases.length < 2) return [];
  return [
    `Searched ${phases.length} times, each without the invariants violated before (the counts above are the last search's):`,
    ...phases.map(
      (p, i) =>
        `  ${i + 1}. ${plural(p.judged, 'invariant')} judged: ${n(p.distinctStates)} distinct states to depth ${p.depth}, ${(p.wallMs / 1000).toFixed(2)} s${p.violated.length > 0 ? `; violated ${p.violated.join(', ')}` : ''}`,
    ),
  ];
}

/**
 * The report for people.
 *
 * @example
 * formatExplore(result) //=> 'lingering explore: original × prefix, N=2 flows, ...\n✗ RateAtMost100 ...'
 */
export function formatExplore(r: ExploreResult, invariantList = ALL_INVARIANTS): string {
  const lines = [
    `lingering explore: ${r.config.driver.name} × ${r.config.agent.name}, ${boundsLine(r)}`,
    `environment: ${environmentLine(r)}`,
    `reductions: ${reductionsLine(r)}`,
    '',
  ];
  const violated = new Map(r.violations.map((v) => [v.invariant.name, v]));
  for (const inv of invariantList) {
    const v = violated.get(inv.name);
    if (v === undefined) {
      lines.push(
        r.complete
          ? `✓ ${inv.name}: ${inv.statement}`
          : `· ${inv.name}: not violated in the states explored`,
      );
      continue;
    }
    const where =
      inv.when === 'quiescence'
        ? r.quiescence === 'final'
          ? ', judged after closeOut of a final state'
          : ', judged after closeOut'
        : '';
    lines.push(`✗ ${inv.name}: ${inv.statement}`);
    lines.push(
      `  ${r.ample ? 'a trace (persistent sets: perhaps not the shortest)' : 'shortest trace'}, ${plural(v.depth, 'event')}${where}:`,
    );
    const width = String(v.events.length).length;
    v.events.forEach((e: Event, i) =>
      lines.push(`  ${String(i + 1).padStart(width)}. ${formatEvent(e)}`),
    );
    const because = becauseOf(r, v);
    if (because !== null) lines.push(`  because ${because}`);
  }
  lines.push('');
  if (r.complete) {
    lines.push(
      r.violations.length === 0
        ? 'Model checking completed. No error has been found.'
        : `Model checking completed: ${plural(r.violations.length, 'invariant')} violated.`,
    );
  } else {
    lines.push(
      r.outOfMemory
        ? `Search stopped when memory ran short: the verdicts cover the ${n(r.distinctStates)} states stored only.`
        : r.violations.length > 0 && r.queueLeft > 0
          ? `Search stopped at the first violation: the other verdicts cover the ${n(r.distinctStates)} states stored only.`
          : `Search stopped before the end: the verdicts cover the ${n(r.distinctStates)} states stored only.`,
    );
  }
  lines.push(
    `${n(r.generated)} states generated, ${n(r.distinctStates)} distinct states found, ${n(r.queueLeft)} states left on queue.`,
  );
  lines.push(`The depth of the ${r.complete ? 'complete ' : ''}state graph search is ${r.depth}.`);
  lines.push(
    `Finished in ${(r.wallMs / 1000).toFixed(2)} s on ${plural(r.workers, 'worker')}: ${n(r.statesPerSecond)} distinct states/s, ${n(r.generatedPerSecond)} generated/s; ${n(r.finalStates)} final states.`,
  );
  lines.push(...phaseLines(r));
  if (r.shard !== undefined) {
    const sh = r.shard;
    lines.push(
      sh.strategy === 'ends'
        ? `shard ${sh.index}/${sh.count}: owns the final states with ${sh.profiles.join(', ')} of ${r.config.bounds.flows} flows ended by a reset; ${n(sh.leftToOthers)} stored states left to other shards`
        : sh.level < 0
          ? `shard ${sh.index}/${sh.count}: no level was wide enough to split, so this shard searched everything`
          : `shard ${sh.index}/${sh.count}: split at depth ${sh.level} (${n(sh.levelStates)} states), this shard expanded ${n(sh.roots)} of them`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report as data (`--json`).
 *
 * @example
 * exploreJson(result).violations[0] //=> { invariant: 'FailuresWithinCloses', when: 'everyStep', depth: 7, events: [...] }
 */
export function exploreJson(r: ExploreResult, invariantList = ALL_INVARIANTS) {
  const violated = new Set(r.violations.map((v) => v.invariant.name));
  return {
    driver: r.config.driver.name,
    agent: r.config.agent.name,
    environment: r.environment,
    tuples: r.tuples,
    bounds: { ...r.config.bounds, ...normalTuples(r.config) },
    complete: r.complete,
    outOfMemory: r.outOfMemory,
    generated: r.generated,
    distinctStates: r.distinctStates,
    queueLeft: r.queueLeft,
    depth: r.depth,
    finalStates: r.finalStates,
    statesPerSecond: r.statesPerSecond,
    generatedPerSecond: r.generatedPerSecond,
    wallMs: Math.round(r.wallMs),
    workers: r.workers,
    searches: (r.phases ?? []).map((p) => ({ ...p, wallMs: Math.round(p.wallMs) })),
    quiescence: r.quiescence,
    symmetryReduction: {
      enabled: r.symmetry,
      flowOrdersPerState: r.symmetry ? flowOrders(r.config) : 1,
    },
    partialOrderReduction: { enabled: r.por, sleptMoves: r.sleptMoves },
    persistentSets: {
      enabled: r.ample,
      statesExpandedAlone: r.statesExpandedAlone,
      tracesShortest: !r.ample,
    },
    localMinimisation: { enabled: r.minimise, localStates: r.localStates, classes: r.localClasses },
    holds: invariantList.filter((i) => !violated.has(i.name)).map((i) => i.name),
    violations: r.violations.map((v) => ({
      invariant: v.invariant.name,
      when: v.invariant.when,
      depth: v.depth,
      events: v.events.map(eventToJson),
    })),
    ...(r.shard === undefined ? {} : { shard: r.shard }),
  };
}
