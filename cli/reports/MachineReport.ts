/**
 * `lingering model --format stately --json` (docs/formats.md#machine-json): the model's machine
 * as data for xstate's `createMachine`, with guards and actions by name (model/toMachineJson.ts).
 * The machine itself is xstate's machine config, not described here.
 */
import { z } from 'zod';

/** The format tag: the first key of the document. */
export const MACHINE_FORMAT = 'lingering-xstate-machine/v1';

/** The document. */
export const MachineReportSchema = z.strictObject({
  format: z.literal(MACHINE_FORMAT),
  driver: z.string(),
  agent: z.string(),
  flows: z.number().int().min(1),
  layers: z.number().int().min(1),
  /** xstate's machine config with `context`: states, transitions, guards and actions as data. */
  machine: z.record(z.string(), z.unknown()),
});

/** The document as the command prints it. */
export type MachineReport = z.output<typeof MachineReportSchema>;
