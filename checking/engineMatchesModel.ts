/**
 * `EngineMatchesModel` (docs/semantics.md#enginematchesmodel): runs one event list through the
 * engine and through the xstate model side by side and, after every event, compares the engine's
 * observable projection with the model's. The first difference (or an event one side refuses) is
 * the result, as data.
 *
 * Leaves out: agent clients beyond one (the model describes one; a config with more is refused).
 */
import { isDeepStrictEqual } from 'node:util';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import { newEngine } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { flowOf, formatEvent } from '../engine/events.js';
import type { Projection } from '../engine/projection.js';
import { project } from '../engine/projection.js';
import { step } from '../engine/step.js';
import type { ModelProjection } from '../model/projectModel.js';
import { projectModel } from '../model/projectModel.js';
import type { ModelSnapshot, SystemModel } from '../model/systemModel.js';
import { modelStart, modelStep, systemModel } from '../model/systemModel.js';

/** One side refused the event (it does not fit that side's state). */
export interface Refusal {
  readonly refused: string;
}

/** The first step at which the two sides disagree. */
export interface Divergence {
  readonly ok: false;
  /** 1-based index of the event after which they differ. */
  readonly step: number;
  readonly event: Event;
  readonly engine: Projection | Refusal;
  readonly model: ModelProjection | Refusal;
}

/** The verdict. */
export type MatchResult = { readonly ok: true } | Divergence;

/** Options of {@link engineMatchesModel}. */
export interface MatchOptions {
  /** The model's driver design (default: the engine variant's name). */
  readonly driver?: string;
  /** Flows the model has room for (default: the highest flow the events name). */
  readonly flows?: number;
  /**
   * The engine's states along `events` when the caller has them (`runEvents`: the start, then one
   * per event), so the engine is not stepped again; an event the engine refused has none.
   */
  readonly engineStates?: readonly EngineState[];
  /** Called after each event both sides took (coverage counts from it). */
  readonly onModelStep?: (before: ModelSnapshot, event: Event, after: ModelSnapshot) => void;
}

const models = new Map<string, SystemModel>();

/** The model for the config, built once per driver × agent × flows × layers. */
export function modelFor(
  driver: string,
  agent: string,
  flows: number,
  layers: number,
): SystemModel {
  const key = `${driver}|${agent}|${flows}|${layers}`;
  let m = models.get(key);
  if (m === undefined) {
    m = systemModel({ driver, agent, flows, layers });
    models.set(key, m);
  }
  return m;
}

const highestFlow = (events: readonly Event[]): number =>
  events.reduce((n, e) => Math.max(n, flowOf(e) ?? 1), 1);

/**
 * Runs `events` through both and compares after every event.
 *
 * @remarks
 * The model (model/) is written from docs/semantics.md and docs/environment.md, independently of
 * the engine; the designs are matched by name. Mirrors nothing in the agent: it is the cross-check
 * between the two.
 *
 * @example
 * engineMatchesModel(config, seq('e1 ce1 r1 fd1*4 cx1 p t1 p')) //=> { ok: true }
 */
export function engineMatchesModel(
  config: EngineConfig,
  events: readonly Event[],
  options: MatchOptions = {},
): MatchResult {
  if (config.clients !== 1) {
    throw new RangeError(
      `EngineMatchesModel: the model has one agent client, got ${config.clients}`,
    );
  }
  const m = modelFor(
    options.driver ?? config.driver.name,
    config.agent.name,
    options.flows ?? highestFlow(events),
    config.layers,
  );
  let engine: EngineState = options.engineStates?.[0] ?? newEngine(config);
  let model = modelStart(m);
  const given = options.engineStates;
  for (const [i, event] of events.entries()) {
    const known = given?.[i + 1];
    const e = known === undefined ? step(engine, event) : { ok: true as const, value: known };
    const next = modelStep(m, model, event);
    if (!e.ok || next === null) {
      if (!e.ok && next === null) continue; // both refuse it, and both stay as they were
      const engineSide = e.ok ? project(e.value) : { refused: e.error.reason };
      const modelSide =
        next === null ? { refused: 'no transition is enabled' } : projectModel(next.context);
      return { ok: false, step: i + 1, event, engine: engineSide, model: modelSide };
    }
    options.onModelStep?.(model, event, next);
    engine = e.value;
    model = next;
    const a = project(engine);
    const b = projectModel(model.context);
    if (!isDeepStrictEqual(a, b)) return { ok: false, step: i + 1, event, engine: a, model: b };
  }
  return { ok: true };
}

const side = (p: Projection | ModelProjection | Refusal): string[] =>
  'refused' in p
    ? [`refused: ${p.refused}`]
    : p.map(
        (f) =>
          `flow ${f.flow}: ${f.table}, refCount ${f.refCount}, ${f.ended ? 'ended' : 'not ended'}, ` +
          Object.entries(f.memory)
            .map(([k, v]) => `${k} ${v}, `)
            .join('') +
          `shipped ${f.shipped.map((s) => `${s.closes} closes/${s.failures} failures`).join(', ')}`,
      );

/**
 * A divergence as lines: the step and event, then each side's projection.
 *
 * @example
 * describeDivergence(d)
 * //=> 'EngineMatchesModel fails at step 12, calloutExit(1).decrement\n  engine: flow 1: open, refCount 2, …\n  model:  flow 1: open, refCount 1, …'
 */
export function describeDivergence(d: Divergence): string {
  const lines = [`EngineMatchesModel fails at step ${d.step}, ${formatEvent(d.event)}`];
  for (const l of side(d.engine)) lines.push(`  engine: ${l}`);
  for (const l of side(d.model)) lines.push(`  model:  ${l}`);
  return lines.join('\n');
}

/** A check's result as a test failure message: empty when it holds, else the divergence and the events. */
export const mismatchReport = (r: MatchResult, events: readonly Event[]): string =>
  r.ok ? '' : `${describeDivergence(r)}\n  events: ${events.map(formatEvent).join(' ')}`;
