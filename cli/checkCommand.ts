/**
 * `lingering check --driver D --agent A [--invariant NAME] [--seed S] [--runs N] [--save]
 * [--replace] [--out DIR] [--scheduler uniform|pct] [--depth D] [--json]`: searches one pair for
 * a violation, shrinks it, compares it with the breadth-first minimum, prints it as a numbered
 * program with the reason, and saves it on request.
 * Exit 1 when a violation is found, 0 when none, 2 on bad arguments.
 */
import { findAgent, agentNames } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { eventToJson } from '../engine/events.js';
import { TRACE_FORMAT } from '../engine/trace.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { formatPctFigures, SCHEDULERS, searchWith } from '../checking/pct/searchWith.js';
import { findInvariant, invariants } from '../invariants/index.js';
import { shortestCounterexample } from '../checking/shortestCounterexample.js';
import { saveCounterexample } from '../checking/saveCounterexample.js';
import { existsSync } from 'node:fs';
import type { Environment } from '../engine/environment.js';
import { DEFAULT_ENVIRONMENT, ENVIRONMENTS } from '../engine/environment.js';
import { flag, int, oneOf, parse, str, UsageError } from './args.js';
import type { Io } from './io.js';
import { programListing } from '../render/programListing.js';
import { tracePicture } from '../render/TracePicture.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from './matrixCommand.js';

/** Where `--save` writes. */
export const COUNTEREXAMPLES_DIR = new URL('../counterexamples/', import.meta.url).pathname;

/** Runs `check`. */
export function checkCommand(argv: readonly string[], io: Io): number {
  const p = parse('check', argv, {
    driver: { type: 'string' },
    agent: { type: 'string' },
    invariant: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    layers: { type: 'string' },
    save: { type: 'boolean' },
    replace: { type: 'boolean' },
    out: { type: 'string' },
    scheduler: { type: 'string' },
    depth: { type: 'string' },
    environment: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (p.positionals.length > 0)
    throw new UsageError('check', `"${p.positionals[0]}"`, 'options only (--driver, --agent, ...)');
  const driverName = oneOf(p, 'driver', driverNames);
  const agentName = oneOf(p, 'agent', agentNames);
  if (driverName === undefined) throw new UsageError('--driver', 'nothing', driverNames);
  if (agentName === undefined) throw new UsageError('--agent', 'nothing', agentNames);
  const invName = oneOf(
    p,
    'invariant',
    invariants.map((i) => i.name),
  );
  const seed = int(p, 'seed', DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1);
  const runs = int(p, 'runs', DEFAULT_RUNS, 1, 100_000);
  const config: EngineConfig = {
    driver: findDriver(driverName)!,
    agent: findAgent(agentName)!,
    layers: int(p, 'layers', 4, 1, 16),
    clients: 1,
  };
  const invariant = invName === undefined ? undefined : findInvariant(invName);
  const scheduler = oneOf(p, 'scheduler', SCHEDULERS, 'uniform');
  // PCT's actors are the isolated environment's: it is the default there, and production is refused.
  const environment = oneOf(
    p,
    'environment',
    scheduler === 'pct' ? ['isolated'] : ENVIRONMENTS,
    scheduler === 'pct' ? 'isolated' : DEFAULT_ENVIRONMENT,
  ) as Environment;
  const { search, figures } = searchWith(scheduler, int(p, 'depth', 2, 1, 10), {
    config,
    seed,
    runs,
    environment,
    ...(invariant ? { invariant } : {}),
  });
  const title = `check ${driverName} × ${agentName}${invName ? `, ${invName}` : ''}: ${environment} environment, seed ${seed}, ${runs} runs${figures ? `, scheduler pct d=${figures.depth}` : ''}`;
  if (!search.found) {
    if (flag(p, 'json'))
      io.out(
        `${JSON.stringify({ driver: driverName, agent: agentName, invariant: invName ?? null, environment, seed, runs, violated: null, tried: search.tried, ...figures }, null, 2)}\n`,
      );
    else io.out(`${title}\n✓ no violation in ${search.tried} sequences\n`);
    return 0;
  }
  // Shortest, not just shrunk: a breadth-first search within the shrunk trace's bounds.
  const bfs = shortestCounterexample(config, search.invariant, search.events);
  const events: readonly Event[] =
    bfs !== null && bfs.length < search.events.length ? bfs : search.events;
  const checked = checkTrace(config, events, [search.invariant]);
  if (!checked.ok) throw checked.error;
  const verdict = checked.value.verdicts[0]!;
  const picture = tracePicture(checked.value, events, { title, invariant: search.invariant.name });
  const because = picture.highlight?.because ?? null;
  const trace = {
    format: TRACE_FORMAT,
    driver: driverName,
    agent: agentName,
    layers: config.layers,
    violated: search.invariant.name,
    expect: 'violates' as const,
    found: new Date().toISOString().slice(0, 10),
    seed,
    path: search.path,
    events,
  };
  const dir = str(p, 'out', COUNTEREXAMPLES_DIR) as string;
  if (flag(p, 'save') && !existsSync(dir))
    throw new UsageError('--out', `"${dir}"`, 'an existing directory');
  const saved = flag(p, 'save')
    ? saveCounterexample(trace, dir, { replace: flag(p, 'replace') })
    : null;
  if (flag(p, 'json')) {
    io.out(
      `${JSON.stringify(
        {
          driver: driverName,
          agent: agentName,
          invariant: search.invariant.name,
          environment,
          violated: search.invariant.name,
          statement: search.invariant.statement,
          seed,
          runs,
          tried: search.tried,
          path: search.path,
          ...figures,
          shrunkLength: search.events.length,
          bfsMinimum: bfs === null ? null : bfs.length,
          events: events.map(eventToJson),
          step: verdict.step ?? null,
          subject: verdict.subject,
          detail: verdict.detail,
          because,
          saved,
        },
        null,
        2,
      )}\n`,
    );
    return 1;
  }
  const lines = [
    title,
    `✗ violated after ${search.tried} sequence(s); shrunk to ${search.events.length} events; breadth-first minimum ${bfs === null ? 'not computed' : `${bfs.length} events`}${bfs !== null && bfs.length < search.events.length ? ' (printed and saved: the shorter)' : ''}`,
    ...(figures ? [formatPctFigures(figures)] : []),
    '',
    programListing(picture).trimEnd(),
    `  (${search.invariant.name}: ${search.invariant.statement})`,
  ];
  if (saved !== null) {
    lines.push(
      saved.action === 'written'
        ? `saved ${saved.file}`
        : saved.action === 'replaced'
          ? `replaced ${saved.file} (${saved.existing} events) with the shorter trace`
          : `kept ${saved.file} (${saved.existing} events): ${saved.reason}`,
    );
  }
  io.out(`${lines.join('\n')}\n`);
  return 1;
}
