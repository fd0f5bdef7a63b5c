/**
 * `lingering replay FILE [--driver D] [--agent A] [--clients K] [--json]`: runs a trace file and
 * prints its per-poll report (docs/formats.md#replay-report). The trace may use every event of the
 * vocabulary, the environment's too (docs/environment.md); `--clients` defaults to the highest
 * client it names.
 */
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { clientsNamed } from '../engine/events.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { replayReport } from '../checking/replayReport.js';
import { flag, InputError, int, oneOf, parse, UsageError } from './args.js';
import { replaySpec } from './specs/replaySpec.js';
import { formatReplay } from '../render/formatReplay.js';
import type { Io } from './io.js';
import type { ReplayReportJson } from './reports/ReplayReport.js';
import { REPLAY_REPORT_FORMAT } from './reports/ReplayReport.js';
import { loadTrace } from '../checking/loadTrace.js';

/** Runs `replay`; returns the exit status (0, or 1 when the trace is refused by the engine). */
export function replayCommand(argv: readonly string[], io: Io): number {
  const p = parse(replaySpec, argv);
  const file = p.positionals[0] as string;
  const trace = loadTrace(file);
  const driver = findDriver(oneOf(p, 'driver', { fallback: trace.driver }) as string);
  const agent = findAgent(oneOf(p, 'agent', { fallback: trace.agent }) as string);
  if (driver === undefined || agent === undefined)
    throw new UsageError('replay', 'an unknown variant', [...driverNames, ...agentNames]);
  // As many clients as the trace names, unless told more.
  const named = clientsNamed(trace.events);
  const config: EngineConfig = {
    driver,
    agent,
    layers: trace.layers,
    clients: int(p, 'clients', { fallback: named, min: named }),
  };
  const checked = checkTrace(config, trace.events);
  if (!checked.ok) throw new InputError(`${file}: ${checked.error.message}`);
  const report = replayReport(checked.value);
  io.out(
    flag(p, 'json')
      ? `${JSON.stringify({ format: REPLAY_REPORT_FORMAT, ...report } satisfies ReplayReportJson, null, 2)}\n`
      : formatReplay(report, `replay ${file}`),
  );
  return 0;
}
