/**
 * `lingering export FILE --format itf [--driver D] [--agent A] [--clients K]`: writes a trace as an
 * Informal Trace Format (ITF) JSON file on standard output, one state per step (the start, then one
 * after each event), for Apalache and Quint tooling. The trace runs with as many agent clients as
 * it names (docs/environment.md), or K (at least as many), as `replay` does. Exit 0, or 2 on bad
 * input.
 */
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { clientsNamed, MAX_CLIENT } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { ItfTraceSchema } from '../interchange/ofItf.js';
import { toItf } from '../interchange/toItf.js';
import { InputError, int, oneOf, parse, UsageError } from './args.js';
import type { Io } from './io.js';
import { loadTrace } from '../checking/loadTrace.js';

/** The formats `export` writes. */
export const EXPORT_FORMATS = ['itf'] as const;

/** Runs `export`; returns the exit status. */
export function exportCommand(argv: readonly string[], io: Io): number {
  const p = parse('export', argv, {
    format: { type: 'string' },
    driver: { type: 'string' },
    agent: { type: 'string' },
    clients: { type: 'string' },
  });
  const file = p.positionals[0];
  if (file === undefined)
    throw new UsageError(
      'export',
      'no FILE',
      'a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json',
    );
  if (p.positionals.length > 1) throw new UsageError('export', `"${p.positionals[1]}"`, 'one FILE');
  oneOf(p, 'format', EXPORT_FORMATS, 'itf');
  const trace = loadTrace(file);
  const driver = findDriver(oneOf(p, 'driver', driverNames, trace.driver) as string);
  const agent = findAgent(oneOf(p, 'agent', agentNames, trace.agent) as string);
  if (driver === undefined || agent === undefined)
    throw new UsageError('export', 'an unknown variant', [...driverNames, ...agentNames]);
  const named = clientsNamed(trace.events);
  const clients = int(p, 'clients', named, named, MAX_CLIENT);
  const config: EngineConfig = { driver, agent, layers: trace.layers, clients };
  const run = runEvents(config, trace.events);
  if (!run.ok) throw new InputError(`${file}: ${run.error.message}`);
  const itf = toItf(run.value, trace.events, {
    source: file,
    driver: driver.name,
    agent: agent.name,
    layers: trace.layers,
    clients,
  });
  // Written only once it reads back as ITF.
  const check = ItfTraceSchema.safeParse(itf);
  if (!check.success)
    throw new InputError(
      `${file}: the ITF trace does not validate (${check.error.issues[0]?.message ?? 'unknown'})`,
    );
  io.out(`${JSON.stringify(itf, null, 2)}\n`);
  return 0;
}
