/**
 * `lingering explore`: the exhaustive breadth-first search of every interleaving within bounds and
 * an environment (explorer/bfs.ts, docs/environment.md), reported in the manner of TLC; `--out`
 * saves a violation's shortest trace, `--shard i/n` searches one share and `--fingerprints` writes
 * what it stored for `merge`. Exit 1 when an invariant is violated, 0 when none is, 2 on bad
 * arguments.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { Environment } from '../engine/environment.js';
import { serializeTrace, TRACE_FORMAT } from '../engine/trace.js';
import type { Trace } from '../engine/trace.js';
import { explore } from '../explorer/bfs.js';
import type {
  ExploreOptions,
  ExploreResult,
  Progress,
  ShardSpec,
  Violation,
} from '../explorer/bfs.js';
import type { ExploreConfig } from '../explorer/bounds.js';
import { fingerprintBytes } from '../explorer/fingerprints.js';
import { exploreJson, formatExplore } from '../explorer/formatExplore.js';
import { atomicWrite } from '../lib/atomicWrite.js';
import { isWritableDirectory } from '../lib/isWritableDirectory.js';
import { counterexampleName } from '../checking/saveCounterexample.js';
import type { Parsed } from './args.js';
import { flag, InputError, int, oneOf, parse, str, UsageError } from './args.js';
import type { Io } from './io.js';
import type { ExploreReportJson } from './reports/ExploreReport.js';
import { EXPLORE_REPORT_FORMAT } from './reports/ExploreReport.js';
import { progressReporter } from './progress.js';
import { exploreSpec } from './specs/exploreSpec.js';
import { defaultMemoryBudget, formatByteSize, MIN_MEMORY, parseByteSize } from './memoryBudget.js';

/**
 * Reads `--shard i/n`.
 *
 * @example
 * shardOf('2/4') //=> { index: 2, count: 4 }
 */
export function shardOf(raw: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (m === null || index < 1 || count < 1 || index > count || count > 1024) {
    throw new UsageError('--shard', `"${raw}"`, 'i/n with 1 ≤ i ≤ n ≤ 1024, e.g. 1/2');
  }
  return { index, count };
}

/**
 * Reads `--tuples T` (1 to the flows; default the flows: no two share a tuple). The isolated
 * environment gives every flow its own tuple, so there only the flows are allowed.
 */
function tuplesOf(p: Parsed, flows: number, environment: Environment): number {
  const tuples = int(p, 'tuples', { fallback: flows, max: flows });
  if (environment === 'isolated' && tuples !== flows)
    throw new UsageError(
      '--tuples',
      String(tuples),
      `${flows} with --environment isolated (every flow its own tuple)`,
    );
  return tuples;
}

/**
 * The counterexample file of a violation (docs/formats.md#counterexample-files; `found` is today's
 * date).
 */
const traceOf = (r: ExploreResult, v: Violation): Trace => ({
  format: TRACE_FORMAT,
  driver: r.config.driver.name,
  agent: r.config.agent.name,
  layers: r.config.bounds.layers,
  violated: v.invariant.name,
  expect: 'violates',
  found: new Date().toISOString().slice(0, 10),
  events: v.events,
});

/** Refuses `file` when it exists; `existing` after a no-clobber write found its name taken. */
const refuseExisting = (option: string, file: string, existing = existsSync(file)): void => {
  if (existing) throw new InputError(`${option}: ${file} exists; explore never overwrites a file`);
};

/** Reads the pair, its environment and its bounds from the command line. */
function exploreConfigOf(p: Parsed): ExploreConfig & { readonly environment: Environment } {
  const driver = findDriver(oneOf(p, 'driver') as string);
  const agent = findAgent(oneOf(p, 'agent') as string);
  if (driver === undefined || agent === undefined)
    throw new UsageError('explore', 'an unknown variant', [...driverNames, ...agentNames]);
  const environment = oneOf(p, 'environment') as Environment;
  const flows = int(p, 'flows');
  const bounds = {
    flows,
    callouts: int(p, 'callouts'),
    polls: int(p, 'polls'),
    layers: int(p, 'layers'),
    traffic: int(p, 'traffic'),
    tuples: tuplesOf(p, flows, environment),
  };
  return { driver, agent, bounds, environment };
}

/**
 * Reads `--workers N`: by default every core from three flows on (smaller searches end before
 * workers start), one thread where several do not apply (flows sharing a tuple, persistent sets, a
 * shard, fingerprints), which an explicit `--workers` above 1 refuses, and with `--stop` or
 * `--max-states`, which several workers check only between levels.
 */
function workersOf(p: Parsed, config: ExploreConfig, single: boolean): number {
  const shared = (config.bounds.tuples ?? config.bounds.flows) < config.bounds.flows;
  // Several workers check --stop and --max-states between levels only: one thread by default.
  const cut = flag(p, 'stop') || str(p, 'max-states') !== undefined;
  const fallback = single || shared || cut || config.bounds.flows < 3 ? 1 : availableParallelism();
  const workers = int(p, 'workers', { fallback });
  if (workers > 1 && shared)
    throw new InputError(
      '--workers: several workers need every flow on a tuple of its own (--tuples equal to --flows); use --workers 1',
    );
  if (workers > 1 && single)
    throw new InputError(
      '--workers: several workers do not apply with --ample, --shard or --fingerprints; use --workers 1',
    );
  return workers;
}

/** Refuses `--ample` where persistent sets do not apply (explorer/persistentSets.ts). */
function refuseAmpleConflicts(p: Parsed, environment: Environment, shard?: ShardSpec): void {
  if (!flag(p, 'ample')) return;
  if (environment === 'production')
    throw new InputError(
      '--ample: persistent sets need --environment isolated (in production the drain and client churn act on every flow at once, so no flow can be expanded alone)',
    );
  if (shard !== undefined)
    throw new InputError(
      '--ample and --shard: use one or the other (persistent sets need an unsplit search)',
    );
  if (flag(p, 'quiescence-every-state'))
    throw new InputError(
      '--ample and --quiescence-every-state: use one or the other (persistent sets keep final states, not every state)',
    );
}

/** Where `explore` writes: `--out`, `--out-dir`, `--fingerprints`, checked before the search. */
interface ExploreOutputs {
  readonly out: string | undefined;
  readonly outDir: string | undefined;
  readonly fingerprints: string | undefined;
}

/** Reads the output options; refuses an existing file and a missing directory. */
function exploreOutputsOf(p: Parsed): ExploreOutputs {
  const out = str(p, 'out');
  const outDir = str(p, 'out-dir');
  const fingerprints = str(p, 'fingerprints');
  if (out !== undefined) refuseExisting('--out', out);
  if (fingerprints !== undefined) refuseExisting('--fingerprints', fingerprints);
  if (outDir !== undefined && !isWritableDirectory(outDir))
    throw new UsageError(
      '--out-dir',
      `"${outDir}"`,
      'an existing directory this user may write into',
    );
  return { out, outDir, fingerprints };
}

/** The search's options from the flags, without progress reporting. */
function exploreOptionsOf(
  p: Parsed,
  wanted: string | undefined,
  maxStates: number,
  shard: ShardSpec | undefined,
  outputs: ExploreOutputs,
): ExploreOptions {
  return {
    symmetry: !flag(p, 'no-symmetry'),
    por: !flag(p, 'no-por'),
    ample: flag(p, 'ample'),
    minimise: !flag(p, 'no-minimise'),
    restart: !flag(p, 'no-restart'),
    quiescence: flag(p, 'quiescence-every-state') ? 'everyState' : 'final',
    // --stop: at the first violation (of --invariant when given), as TLC and SPIN do.
    ...(flag(p, 'stop')
      ? wanted === undefined
        ? { stopAtFirst: true }
        : { stopWhenFound: wanted }
      : {}),
    ...(maxStates > 0 ? { maxStates } : {}),
    ...(shard === undefined ? {} : { shard }),
    ...(outputs.fingerprints === undefined ? {} : { fingerprints: true }),
  };
}

/** Reads `--max-memory` (cli/memoryBudget.ts). */
function maxBytesOf(p: Parsed): number {
  const raw = str(p, 'max-memory');
  if (raw === undefined) return defaultMemoryBudget();
  const bytes = parseByteSize(raw);
  if (bytes === null || bytes < MIN_MEMORY)
    throw new UsageError('--max-memory', `"${raw}"`, 'a size of at least 64M, such as 512M or 8G');
  return bytes;
}

/** The line that says a search stopped for memory, and which bound to lower. */
function outOfMemoryLine(r: ExploreResult, maxBytes: number): string {
  const { flows, layers, polls } = r.config.bounds;
  const lower =
    flows > 1
      ? `lower --flows (${flows}) first, or --layers (${layers}) or --polls (${polls})`
      : `lower --layers (${layers}) or --polls (${polls})`;
  return `lingering: --max-memory: the search outgrew ${formatByteSize(maxBytes)} at ${r.distinctStates.toLocaleString('en-US')} states, depth ${r.depth}, and stopped incomplete; ${lower}, or raise --max-memory\n`;
}

/** One progress line (cli/progress.ts writes it). */
const progressLine = (s: Progress): string =>
  `explore: ${s.distinct.toLocaleString('en-US')} states, ${s.queue.toLocaleString('en-US')} on queue, depth ${s.depth}, ${Math.round((s.distinct * 1000) / Math.max(1, s.elapsedMs)).toLocaleString('en-US')} states/s `;

/** Writes the requested files; returns those written, in order. */
function writeOutputs(
  result: ExploreResult,
  wanted: string | undefined,
  outputs: ExploreOutputs,
  io: Io,
): string[] {
  const { out, outDir, fingerprints } = outputs;
  const written: string[] = [];
  if (out !== undefined) {
    const v =
      wanted === undefined
        ? result.violations[0]
        : result.violations.find((x) => x.invariant.name === wanted);
    if (v !== undefined) {
      if (!atomicWrite(out, serializeTrace(traceOf(result, v)), { noClobber: true }))
        refuseExisting('--out', out, true);
      written.push(out);
    }
  }
  if (outDir !== undefined) {
    for (const v of result.violations) {
      const trace = traceOf(result, v);
      const file = join(outDir, counterexampleName(trace));
      if (atomicWrite(file, serializeTrace(trace), { noClobber: true })) written.push(file);
      else io.err(`explore: ${file} exists; kept it\n`);
    }
  }
  if (fingerprints !== undefined) {
    if (!atomicWrite(fingerprints, fingerprintBytes(result), { noClobber: true }))
      refuseExisting('--fingerprints', fingerprints, true);
    written.push(fingerprints);
  }
  return written;
}

/** Runs `explore`; returns the exit status. */
export function exploreCommand(argv: readonly string[], io: Io): number {
  const p = parse(exploreSpec, argv);
  const config = exploreConfigOf(p);
  const shardRaw = str(p, 'shard');
  const shard = shardRaw === undefined ? undefined : shardOf(shardRaw);
  refuseAmpleConflicts(p, config.environment, shard);
  const maxStates = int(p, 'max-states', { fallback: 0 });
  const wanted = oneOf(p, 'invariant');
  const outputs = exploreOutputsOf(p);
  const json = flag(p, 'json');
  const progress = progressReporter(io, { json, quiet: flag(p, 'quiet') });
  const single = flag(p, 'ample') || shard !== undefined || outputs.fingerprints !== undefined;
  const workers = workersOf(p, config, single);
  const maxBytes = maxBytesOf(p);

  const result = explore(config, {
    ...exploreOptionsOf(p, wanted, maxStates, shard, outputs),
    workers,
    maxBytes,
    ...(flag(p, 'quiet') ? {} : { onProgress: (s: Progress) => progress.report(progressLine(s)) }),
  });
  progress.end();
  const written = writeOutputs(result, wanted, outputs, io);

  if (json) {
    const report: ExploreReportJson = {
      format: EXPLORE_REPORT_FORMAT,
      ...exploreJson(result),
      written,
    };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.out(formatExplore(result));
    for (const f of written) io.out(`wrote ${f}\n`);
  }
  if (result.outOfMemory) {
    io.err(outOfMemoryLine(result, maxBytes));
    return 2;
  }
  return result.violations.length > 0 ? 1 : 0;
}
