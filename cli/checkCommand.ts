/**
 * `lingering check` (options: cli/specs/checkSpec.ts): searches one pair for a violation, shrinks it, compares it with the breadth-first minimum, prints it as a numbered
 * program with the reason, and saves it on request.
 * Exit 1 when a violation is found, 0 when none, 2 on bad arguments.
 */
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { eventToJson } from '../engine/events.js';
import type { Trace } from '../engine/trace.js';
import { TRACE_FORMAT } from '../engine/trace.js';
import type { Verdict } from '../invariants/checkTrace.js';
import { checkTrace } from '../invariants/checkTrace.js';
import type { Search, SearchOptions } from '../checking/findCounterexample.js';
import type { PctFigures } from '../checking/pct/pctFigures.js';
import { formatPctFigures, searchWith } from '../checking/pct/searchWith.js';
import { findInvariant } from '../invariants/index.js';
import { shortestCounterexample } from '../checking/shortestCounterexample.js';
import type { SaveOutcome } from '../checking/saveCounterexample.js';
import { saveCounterexample } from '../checking/saveCounterexample.js';
import { COUNTEREXAMPLES_DIR } from '../checking/loadCounterexamples.js';
import type { Environment } from '../engine/environment.js';
import { isWritableDirectory } from '../lib/isWritableDirectory.js';
import { flag, int, oneOf, parse, required, str, UsageError } from './args.js';
import type { Io } from './io.js';
import { progressReporter } from './progress.js';
import type { CheckNoViolation, CheckViolation } from './reports/CheckReport.js';
import { CHECK_REPORT_FORMAT } from './reports/CheckReport.js';
import { programListing } from '../render/programListing.js';
import type { TracePicture } from '../render/TracePicture.js';
import { tracePicture } from '../render/TracePicture.js';
import { checkSpec } from './specs/checkSpec.js';

/** What `check` was asked, read from the command line in the order its options are checked. */
interface CheckRequest {
  readonly driverName: string;
  readonly agentName: string;
  readonly invName: string | undefined;
  readonly scheduler: string | undefined;
  readonly depth: number;
  readonly options: SearchOptions & { readonly environment: Environment };
  readonly json: boolean;
  readonly quiet: boolean;
  readonly save: boolean;
  readonly replace: boolean;
  readonly dir: string;
}

/** A search that found a violation. */
type Found = Extract<Search, { found: true }>;

/** Reads and checks `check`'s options; a bad one throws a `UsageError`. */
function readCheckRequest(argv: readonly string[]): CheckRequest {
  const p = parse(checkSpec, argv);
  const driverName = required(p, 'driver');
  const agentName = required(p, 'agent');
  const invName = oneOf(p, 'invariant');
  const seed = int(p, 'seed');
  const runs = int(p, 'runs');
  const config: EngineConfig = {
    driver: findDriver(driverName)!,
    agent: findAgent(agentName)!,
    layers: int(p, 'layers'),
    clients: 1,
  };
  const invariant = invName === undefined ? undefined : findInvariant(invName);
  const scheduler = oneOf(p, 'scheduler');
  // PCT's actors are the isolated environment's: it is the default there, and production is refused.
  const environment = oneOf(
    p,
    'environment',
    scheduler === 'pct' ? { values: ['isolated'], fallback: 'isolated' } : {},
  ) as Environment;
  return {
    driverName,
    agentName,
    invName,
    scheduler,
    depth: int(p, 'depth'),
    options: { config, seed, runs, environment, ...(invariant ? { invariant } : {}) },
    json: flag(p, 'json'),
    quiet: flag(p, 'quiet'),
    save: flag(p, 'save'),
    replace: flag(p, 'replace'),
    dir: str(p, 'out', COUNTEREXAMPLES_DIR) as string,
  };
}

/** The first line of the report: the pair, the invariant, the environment and the search. */
function checkTitle(r: CheckRequest, figures: PctFigures | null): string {
  const { environment, seed, runs } = r.options;
  return `check ${r.driverName} × ${r.agentName}${r.invName ? `, ${r.invName}` : ''}: ${environment} environment, seed ${seed}, ${runs} runs${figures ? `, scheduler pct d=${figures.depth}` : ''}`;
}

/** The report when the search found nothing. */
function noViolation(r: CheckRequest, tried: number, figures: PctFigures | null): string {
  const { environment, seed, runs } = r.options;
  if (r.json) {
    const report: CheckNoViolation = {
      format: CHECK_REPORT_FORMAT,
      driver: r.driverName,
      agent: r.agentName,
      invariant: r.invName ?? null,
      environment,
      seed,
      runs,
      violated: null,
      tried,
      ...figures,
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  return `${checkTitle(r, figures)}\n✓ no violation in ${tried} sequences\n`;
}

/** The counterexample as a trace file holds it. */
function counterexampleTrace(r: CheckRequest, search: Found, events: readonly Event[]): Trace {
  return {
    format: TRACE_FORMAT,
    driver: r.driverName,
    agent: r.agentName,
    layers: r.options.config.layers,
    violated: search.invariant.name,
    expect: 'violates',
    found: new Date().toISOString().slice(0, 10),
    seed: r.options.seed,
    path: search.path,
    events,
  };
}

/** Saves the trace when `--save` asks for it, into an existing `--out` directory. */
function saveIfAsked(r: CheckRequest, trace: Trace): SaveOutcome | null {
  if (r.save && !isWritableDirectory(r.dir))
    throw new UsageError('--out', `"${r.dir}"`, 'an existing directory this user may write into');
  return r.save ? saveCounterexample(trace, r.dir, { replace: r.replace }) : null;
}

/** What `check` prints about a violation, in either form. */
interface ViolationReport {
  readonly search: Found;
  readonly figures: PctFigures | null;
  readonly bfs: readonly Event[] | null;
  readonly events: readonly Event[];
  readonly verdict: Verdict;
  readonly picture: TracePicture;
  readonly saved: SaveOutcome | null;
}

/** The violation as JSON. */
function violationJson(r: CheckRequest, v: ViolationReport): string {
  const { search, figures, bfs, verdict } = v;
  const report: CheckViolation = {
    format: CHECK_REPORT_FORMAT,
    driver: r.driverName,
    agent: r.agentName,
    invariant: search.invariant.name,
    environment: r.options.environment,
    violated: search.invariant.name,
    statement: search.invariant.statement,
    seed: r.options.seed,
    runs: r.options.runs,
    tried: search.tried,
    path: search.path,
    ...figures,
    shrunkLength: search.events.length,
    bfsMinimum: bfs === null ? null : bfs.length,
    events: v.events.map(eventToJson),
    step: verdict.step ?? null,
    subject: verdict.subject,
    detail: verdict.detail,
    because: v.picture.highlight?.because ?? null,
    saved: v.saved,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One line on what `--save` did. */
function savedLine(saved: SaveOutcome): string {
  return saved.action === 'written'
    ? `saved ${saved.file}`
    : saved.action === 'replaced'
      ? `replaced ${saved.file} (${saved.existing} events) with the shorter trace`
      : `kept ${saved.file} (${saved.existing} events): ${saved.reason}`;
}

/** The violation for people: the search's figures, the numbered program and the invariant. */
function violationText(title: string, v: ViolationReport): string {
  const { search, figures, bfs, saved } = v;
  const lines = [
    title,
    `✗ violated after ${search.tried} sequence(s); shrunk to ${search.events.length} events; breadth-first minimum ${bfs === null ? 'not computed' : `${bfs.length} events`}${bfs !== null && bfs.length < search.events.length ? ' (printed and saved: the shorter)' : ''}`,
    ...(figures ? [formatPctFigures(figures)] : []),
    '',
    programListing(v.picture).trimEnd(),
    `  (${search.invariant.name}: ${search.invariant.statement})`,
    ...(saved !== null ? [savedLine(saved)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** Shortens, judges, pictures and (on request) saves the violation the search found. */
function reportViolation(
  r: CheckRequest,
  search: Found,
  figures: PctFigures | null,
): ViolationReport & { readonly title: string } {
  const { config } = r.options;
  // Shortest, not just shrunk: a breadth-first search within the shrunk trace's bounds.
  const bfs = shortestCounterexample(config, search.invariant, search.events);
  const events: readonly Event[] =
    bfs !== null && bfs.length < search.events.length ? bfs : search.events;
  const checked = checkTrace(config, events, [search.invariant]);
  if (!checked.ok) throw checked.error;
  const title = checkTitle(r, figures);
  const picture = tracePicture(checked.value, events, { title, invariant: search.invariant.name });
  const saved = saveIfAsked(r, counterexampleTrace(r, search, events));
  const verdict = checked.value.verdicts[0]!;
  return { search, figures, bfs, events, verdict, picture, saved, title };
}

/** Runs `check`. */
export function checkCommand(argv: readonly string[], io: Io): number {
  const r = readCheckRequest(argv);
  const progress = progressReporter(io, { json: r.json, quiet: r.quiet });
  const { runs } = r.options;
  // Every 100th sequence: a report is cheap, a terminal write per sequence is not.
  const onRun = (n: number) => {
    if (n % 100 === 0)
      progress.report(
        `check: ${n.toLocaleString('en-US')}/${runs.toLocaleString('en-US')} sequences`,
      );
  };
  const { search, figures } = searchWith(r.scheduler, r.depth, { ...r.options, onRun });
  progress.end();
  if (!search.found) {
    io.out(noViolation(r, search.tried, figures));
    return 0;
  }
  const v = reportViolation(r, search, figures);
  io.out(r.json ? violationJson(r, v) : violationText(v.title, v));
  return 1;
}
