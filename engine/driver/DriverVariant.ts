/**
 * What a driver-fix design changes: the code of a delete notification (`flowDeleteNotify`) and of a
 * callout's release (`calloutExit`), each written as named atomic steps (docs/events.md#steps,
 * docs/semantics.md#driver-fix-variants).
 *
 * Leaves out: everything else, which every variant shares (establish, traffic, callout entry,
 * the terminal status write, the tables and the poll's reads).
 */
import type { FlowMemory } from '../../lib/FlowMemory.js';
import type { FlowId } from '../events.js';
import type { Flow, OpLocals } from './flow.js';
import type { DriverState } from './tables.js';

/** What a step sees: the driver, the flow it runs on, and its operation's locals. */
export interface StepInput {
  readonly driver: DriverState;
  readonly id: FlowId;
  readonly flow: Flow;
  readonly locals: OpLocals;
}

/** A step's effect: the new driver and the next step (`null` when the operation is over). */
export interface StepDone {
  readonly driver: DriverState;
  readonly next: string | null;
  readonly locals?: Partial<Omit<OpLocals, 'step'>>;
}

/** A step that cannot run now (a spin lock held by another operation). */
export const BLOCKED = 'blocked' as const;

/** What a step returns. */
export type StepOutcome = StepDone | typeof BLOCKED;

/** An operation: its steps by name, in program order; the first one starts it. */
export type Operation = Readonly<Record<string, (input: StepInput) => StepOutcome>>;

/** A driver-fix design (one file in `engine/driver/variants/`). */
export interface DriverVariant {
  readonly name: string;
  /** One line for `lingering variants` and the reports. */
  readonly summary: string;
  readonly flowDeleteNotify: Operation;
  readonly calloutExit: Operation;
  /**
   * The design's own per-flow memory, each field at its initial value: every flow starts with it
   * and the steps read and write it (`flow.memory.pendingMove`). Default: none.
   */
  readonly memory?: FlowMemory;
  /**
   * How a trace reads a step's change of memory field `field` to `value` (flow-lock: `lock
   * taken`). Default {@link memoryChangeText}.
   */
  readonly describeMemory?: (field: string, value: boolean | number) => string;
  /**
   * True while the poll's closed-table read must wait before it drops this flow's table reference
   * (a design whose lock guards every change of the count makes the drain take the lock too).
   */
  readonly closedReadWaits?: (flow: Flow) => boolean;
}

/**
 * A memory field's change as a trace reads it: `pendingMove set`, `pendingMove cleared`, or a
 * counter's new value (`retries 2`).
 */
export const memoryChangeText = (field: string, value: boolean | number): string =>
  typeof value === 'number' ? `${field} ${value}` : `${field} ${value ? 'set' : 'cleared'}`;

/** Continues with step `next`. */
export const goto = (driver: DriverState, next: string, locals?: StepDone['locals']): StepDone => ({
  driver,
  next,
  ...(locals === undefined ? {} : { locals }),
});

/** Ends the operation. */
export const done = (driver: DriverState): StepDone => ({ driver, next: null });

/** The name of an operation's first step. */
export const firstStep = (op: Operation): string => Object.keys(op)[0] ?? '';

/** The names of an operation's steps, in program order. */
export const stepNames = (op: Operation): readonly string[] => Object.keys(op);
