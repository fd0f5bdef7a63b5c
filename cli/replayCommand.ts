/**
 * `lingering replay FILE [--driver D] [--agent A] [--clients K] [--json]`: runs a trace file and
 * prints its per-poll report (docs/formats.md#replay-report). The trace may use every event of the
 * vocabulary, the environment's too (docs/environment.md); `--clients` defaults to the highest
 * client it names.
 */
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { clientsNamed, MAX_CLIENT } from '../engine/events.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { replayReport } from '../checking/replayReport.js';
import { flag, InputError, int, oneOf, parse, UsageError } from './args.js';
import { formatReplay } from '../render/formatReplay.js';
import type { Io } from './io.js';
import type { ReplayReportJson } from './reports/ReplayReport.js';
import { REPLAY_REPORT_FORMAT } from './reports/ReplayReport.js';
import { loadTrace } from '../checking/loadTrace.js';

/** Options of `replay`. */
export const REPLAY_OPTIONS = {
  driver: { type: 'string' },
  agent: { type: 'string' },
  clients: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Runs `replay`; returns the exit status (0, or 1 when the trace is refused by the engine). */
export function replayCommand(argv: readonly string[], io: Io): number {
  const p = parse('replay', argv, REPLAY_OPTIONS);
  const file = p.positionals[0];
  if (file === undefined)
    throw new UsageError(
      'replay',
      'no FILE',
      'a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json',
    );
  if (p.positionals.length > 1) throw new UsageError('replay', `"${p.positionals[1]}"`, 'one FILE');
  const trace = loadTrace(file);
  const driver = findDriver(oneOf(p, 'driver', driverNames, trace.driver) as string);
  const agent = findAgent(oneOf(p, 'agent', agentNames, trace.agent) as string);
  if (driver === undefined || agent === undefined)
    throw new UsageError('replay', 'an unknown variant', [...driverNames, ...agentNames]);
  // As many clients as the trace names, unless told more.
  const named = clientsNamed(trace.events);
  const config: EngineConfig = {
    driver,
    agent,
    layers: trace.layers,
    clients: int(p, 'clients', named, named, MAX_CLIENT),
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
