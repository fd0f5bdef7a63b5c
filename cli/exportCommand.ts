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
import { clientsNamed } from '../engine/events.js';
import type { Event } from '../engine/events.js';
import type { ItfState } from '../interchange/itf.js';
import { itfSteps } from '../interchange/itfSteps.js';
import { ItfTraceSchema, itfStateIssue } from '../interchange/ofItf.js';
import { ITF_VARS, itfMeta } from '../interchange/toItf.js';
import { stateTypeIssue, varTypesOf } from '../interchange/varTypesOf.js';
import type { ItfHead } from '../interchange/writeItf.js';
import { itfWriter } from '../interchange/writeItf.js';
import { InputError, int, oneOf, parse, UsageError } from './args.js';
import { exportSpec } from './specs/exportSpec.js';
import type { Io } from './io.js';
import { loadTrace } from '../checking/loadTrace.js';

/** Runs `export`; returns the exit status. */
export function exportCommand(argv: readonly string[], io: Io): number {
  const p = parse(exportSpec, argv);
  const file = p.positionals[0] as string;
  oneOf(p, 'format');
  const trace = loadTrace(file);
  const driver = findDriver(oneOf(p, 'driver', { fallback: trace.driver }) as string);
  const agent = findAgent(oneOf(p, 'agent', { fallback: trace.agent }) as string);
  if (driver === undefined || agent === undefined)
    throw new UsageError('export', 'an unknown variant', [...driverNames, ...agentNames]);
  const named = clientsNamed(trace.events);
  const clients = int(p, 'clients', { fallback: named, min: named });
  const config: EngineConfig = { driver, agent, layers: trace.layers, clients };
  const head: ItfHead = {
    '#meta': itfMeta(
      { source: file, driver: driver.name, agent: agent.name, layers: trace.layers, clients },
      trace.events.length,
    ),
    vars: ITF_VARS,
  };
  // Two runs: the first refuses bad input and checks every state, so that nothing is written
  // unless the whole trace reads back as ITF; the second writes each state as it is built.
  checkRun(file, config, trace.events, head);
  const writer = itfWriter(head, io.out);
  itfSteps(config, trace.events, writer.state);
  writer.end();
  return 0;
}

/** Throws an `InputError` naming `file` at a refused event or a state that is not ITF. */
function checkRun(file: string, config: EngineConfig, events: readonly Event[], head: ItfHead) {
  const invalid = (message: string) =>
    new InputError(`${file}: the ITF trace does not validate (${message})`);
  const headCheck = ItfTraceSchema.safeParse({ ...head, states: [] });
  if (!headCheck.success) throw invalid(headCheck.error.issues[0]?.message ?? 'unknown');
  // Apalache reads a trace only by its variables' declared types (docs/formats.md "ITF export").
  const types = varTypesOf(head['#meta'], head.vars);
  if (!types.ok) throw invalid(types.issue);
  let index = 0;
  const refused = itfSteps(config, events, (s: ItfState) => {
    const issue = itfStateIssue(s, index++, head.vars) ?? stateTypeIssue(s, types.types);
    if (issue !== null) throw invalid(issue);
  });
  if (refused !== null) throw new InputError(`${file}: ${refused.message}`);
}
