/**
 * `lingering model [--driver D] [--agent A] [--flows N] [--layers L] [--callouts C] [--polls P]
 * [--format text|json|mermaid|stately] [--json]`: explores the xstate model (model/) within bounds
 * with @xstate/graph and prints the reachable states, the transitions, whether a lingering flow is
 * reachable and the shortest event path to one; or the machine as a mermaid diagram, or as code
 * Stately Studio imports.
 */
import type { EventJson } from '../engine/events.js';
import { eventToJson, flowOf, formatEvent } from '../engine/events.js';
import type { Exploration } from '../model/exploreModel.js';
import type { GraphNode } from '../model/exploreModel.js';
import { exploreModel, pathNodes, pathTo } from '../model/exploreModel.js';
import { regionState } from '../model/modelTransitions.js';
import { systemModel } from '../model/systemModel.js';
import { initialContext } from '../model/ModelContext.js';
import { toMachineJson } from '../model/toMachineJson.js';
import { toMermaid } from '../model/toMermaid.js';
import { toStatelyCode } from '../model/toStatelyCode.js';
import { flag, int, oneOf, parse, str, UsageError } from './args.js';
import type { Io } from './io.js';
import type { MachineReport } from './reports/MachineReport.js';
import { MACHINE_FORMAT } from './reports/MachineReport.js';
import type { ModelReportJson } from './reports/ModelReport.js';
import { MODEL_REPORT_FORMAT } from './reports/ModelReport.js';
import { progressReporter } from './progress.js';
import { MODEL_FORMATS, modelSpec } from './specs/modelSpec.js';

/**
 * Bounds by flow count: one flow explores in about a second. Flows multiply, so two start with
 * the driver alone (no poll; under a second); `--polls 1` adds the agent's reads (5–30 s).
 */
const DEFAULTS = {
  one: { layers: 4, callouts: 2, polls: 2 },
  more: { layers: 1, callouts: 1, polls: 0 },
} as const;

/** What `--json` prints. */
export interface ModelReport {
  readonly driver: string;
  readonly agent: string;
  readonly flows: number;
  readonly layers: number;
  readonly callouts: number;
  readonly polls: number;
  readonly symmetry: boolean;
  readonly states: number;
  readonly transitions: number;
  readonly lingeringReachable: boolean;
  readonly lingeringPath: readonly EventJson[];
}

/** The report of an exploration (data first; the text form is printed from it). */
export function modelReport(x: Exploration, agent: string): ModelReport {
  return {
    driver: x.model.driver.name,
    agent,
    flows: x.model.flows,
    layers: x.model.layers,
    callouts: x.bounds.callouts,
    polls: x.bounds.polls,
    symmetry: x.model.flows > 1,
    states: x.nodes.size,
    transitions: x.edges.length,
    lingeringReachable: x.lingering !== null,
    lingeringPath: x.lingering === null ? [] : pathTo(x, x.lingering.key).map(eventToJson),
  };
}

const n = (v: number) => v.toLocaleString('en-US');

/** What a step left on its flow: the region's state, the count, the operations in flight. */
function flowNote(g: GraphNode, k: number): string {
  const f = g.snapshot.context.flows[k - 1];
  if (f === null || f === undefined) return '';
  const ops = [
    f.notify && `notify next: ${f.notify.step}`,
    f.exit && `release next: ${f.exit.step}`,
  ];
  return [
    `flow ${k} ${regionState(g.snapshot, k)}`,
    `refCount ${f.refCount}`,
    ...ops.filter(Boolean),
  ].join(', ');
}

/**
 * JSON, `format` first, with one event per line in `lingeringPath` (the trace layout of
 * docs/formats.md#trace-files).
 */
function toJson(r: ModelReport): string {
  const report: ModelReportJson = { format: MODEL_REPORT_FORMAT, ...r };
  const { lingeringPath, ...rest } = report;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const events = lingeringPath.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const path = lingeringPath.length === 0 ? '[]' : `[\n${events}\n  ]`;
  return `${head},\n  "lingeringPath": ${path}\n}\n`;
}

function formatText(x: Exploration, r: ModelReport, ms: number): string {
  const lines = [
    `model ${r.driver} + ${r.agent}: ${r.flows} flow${r.flows > 1 ? 's' : ''}, L=${r.layers}, ` +
      `at most ${r.callouts} callout${r.callouts === 1 ? '' : 's'} in flight per flow, ${r.polls} poll${r.polls === 1 ? '' : 's'}`,
  ];
  if (r.flows > 1) {
    lines.push(
      `  (${r.flows} flows multiply: L and callouts default to 1 and polls to 0; --polls 1 adds the agent's ` +
        'reads (two flows: 5–30 s); states are counted up to renumbering the flows)',
    );
  }
  lines.push(
    `  ${n(r.states)} reachable states, ${n(r.transitions)} transitions (${(ms / 1000).toFixed(1)} s)`,
  );
  if (x.lingering === null) {
    lines.push(
      '  lingering reachable: no (no ended flow stays in openFlows once its notifies and callouts are done)',
    );
  } else {
    const path = pathNodes(x, x.lingering.key);
    lines.push(`  lingering reachable: yes, shortest path (${path.length} events):`);
    const width = String(path.length).length;
    const labels = path.map((g) => (g.event === null ? '' : formatEvent(g.event)));
    const pad = Math.max(...labels.map((l) => l.length));
    path.forEach((g, i) => {
      const flow = g.event === null ? undefined : flowOf(g.event);
      const note = flow === undefined ? '' : flowNote(g, flow);
      lines.push(
        `    ${String(i + 1).padStart(width)}. ${(labels[i] ?? '').padEnd(pad)}  ${note}`.trimEnd(),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `model`.
 *
 * @example
 * modelCommand(['--driver', 'deferred-move', '--json'], io) //=> 0, prints { ..., lingeringReachable: false }
 */
export function modelCommand(argv: readonly string[], io: Io): number {
  const p = parse(modelSpec, argv);
  const driver = oneOf(p, 'driver') as string;
  const agent = oneOf(p, 'agent') as string;
  const flows = int(p, 'flows');
  const d = flows === 1 ? DEFAULTS.one : DEFAULTS.more;
  const layers = int(p, 'layers', { fallback: d.layers });
  const callouts = int(p, 'callouts', { fallback: d.callouts });
  const polls = int(p, 'polls', { fallback: d.polls });
  const format = oneOf(p, 'format') as (typeof MODEL_FORMATS)[number];
  const asJson = flag(p, 'json');
  if (asJson && str(p, 'format') !== undefined && format !== 'json' && format !== 'stately') {
    throw new UsageError(
      '--json',
      `with --format ${format}`,
      '--format json or stately (--json alone is --format json)',
    );
  }
  if (format === 'mermaid' || format === 'stately') {
    const { machine } = systemModel({ driver, agent, flows, layers });
    if (format === 'stately' && asJson) {
      const json = toMachineJson(machine, initialContext(flows, layers));
      const doc: MachineReport = {
        format: MACHINE_FORMAT,
        driver,
        agent,
        flows,
        layers,
        machine: json,
      };
      io.out(`${JSON.stringify(doc, null, 2)}\n`);
    } else io.out(format === 'mermaid' ? toMermaid(machine) : toStatelyCode(machine));
    return 0;
  }
  const json = flag(p, 'json') || format === 'json';
  const progress = progressReporter(io, { json, quiet: flag(p, 'quiet') });
  const started = Date.now();
  const x = exploreModel(
    { driver, agent, flows, layers },
    { callouts, polls, onProgress: (states) => progress.report(`exploring: ${n(states)} states`) },
  );
  const ms = Date.now() - started;
  progress.end();
  const report = modelReport(x, agent);
  io.out(json ? toJson(report) : formatText(x, report, ms));
  return 0;
}
