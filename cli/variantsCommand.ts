/**
 * `lingering variants [--json]`: every driver and agent variant, with each driver operation's steps
 * (the names a trace uses to interleave inside an operation, docs/events.md#steps).
 */
import { agentVariants } from '../engine/agent/variants/index.js';
import { stepNames } from '../engine/driver/DriverVariant.js';
import { driverVariants } from '../engine/driver/variants/index.js';
import { POLL_STEPS } from '../engine/agent/poll.js';
import { flag, parse } from './args.js';
import { variantsSpec } from './specs/variantsSpec.js';
import type { Io } from './io.js';
import type { VariantsReport } from './reports/VariantsReport.js';
import { VARIANTS_REPORT_FORMAT } from './reports/VariantsReport.js';

/** Runs `variants`. */
export function variantsCommand(argv: readonly string[], io: Io): number {
  const p = parse(variantsSpec, argv);
  const data: VariantsReport = {
    format: VARIANTS_REPORT_FORMAT,
    drivers: driverVariants.map((v) => ({
      name: v.name,
      summary: v.summary,
      operations: {
        flowDeleteNotify: stepNames(v.flowDeleteNotify),
        calloutExit: stepNames(v.calloutExit),
      },
    })),
    agents: agentVariants.map((v) => ({ name: v.name, summary: v.summary })),
    poll: POLL_STEPS,
  };
  if (flag(p, 'json')) {
    io.out(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  const lines = ['driver variants (docs/semantics.md#driver-fix-variants):'];
  for (const d of data.drivers) {
    lines.push(`  ${d.name}: ${d.summary}`);
    lines.push(`    flowDeleteNotify steps: ${d.operations.flowDeleteNotify.join(', ')}`);
    lines.push(`    calloutExit steps: ${d.operations.calloutExit.join(', ')}`);
  }
  lines.push('agent variants (docs/semantics.md#agent-designs):');
  for (const a of data.agents) lines.push(`  ${a.name}: ${a.summary}`);
  lines.push(`poll steps: ${data.poll.join(', ')}`);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
