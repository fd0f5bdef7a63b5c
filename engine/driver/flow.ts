/**
 * One flow as the ddnpm driver keeps it (reconstructed: the driver is not public; see
 * docs/semantics.md#driver-rules): its reference count, terminal status, the `FLOW_CLOSED` flag,
 * byte counters, and the memory its design declares (lib/FlowMemory.ts).
 *
 * Leaves out: addresses, packets, RTT and every other `PerFlowData` field; a flow's cookie is its
 * number. Fields marked *ghost* are history kept for the invariants, not driver memory.
 */
import type { FlowMemory } from '../../lib/FlowMemory.js';
import { NO_MEMORY } from '../../lib/FlowMemory.js';
import type { FlowId } from '../events.js';

/** `connectionStatus`: established, or a terminal status written in place at the end. */
export type FlowStatus = 'established' | 'recvRst' | 'fin';

/**
 * The locals of an operation that is part-way through its steps (one delete notification or one
 * callout release per flow at a time).
 */
export interface OpLocals {
  /** The next step to run. */
  readonly step: string;
  /** The value an interlocked instruction returned (compare-exchange or decrement). */
  readonly seen: number;
  /** A flag the operation read earlier (for example a memory flag before a decrement). */
  readonly flag: boolean;
  /** How many times the step has been retried. */
  readonly attempt: number;
}

/** One flow of the driver. */
export interface Flow {
  readonly id: FlowId;
  /**
   * The 4-tuple (pid, addresses, ports, family, type, direction) as one number: flows with the
   * same tuple are one connection to the agent's aggregation and to the backend.
   */
  readonly tuple: number;
  /** 1 for the table, 1 per layer association, 1 per callout in flight. */
  readonly refCount: number;
  readonly status: FlowStatus;
  /** `FLOW_CLOSED_MASK`, set by the move to `closedFlows`. */
  readonly flowClosed: boolean;
  readonly sentBytes: number;
  /** Delete notifications begun so far (the driver's association count, 0..L). */
  readonly notifies: number;
  /** Callouts holding a transient reference whose release has not begun. */
  readonly callouts: number;
  /** The design's own per-flow memory (`DriverVariant.memory`). */
  readonly memory: FlowMemory;
  /** The flow's memory was released (its refCount reached 0). */
  readonly freed: boolean;
  /** A delete notification part-way through its steps. */
  readonly notify: OpLocals | null;
  /** A callout release part-way through its steps. */
  readonly exit: OpLocals | null;
  /** ghost: how many times a closed-table read returned this flow. */
  readonly closedReads: number;
  /** ghost: accesses to the flow after it was freed. */
  readonly accessesAfterFree: number;
  /** ghost: the lowest refCount ever written. */
  readonly lowestRefCount: number;
}

/** A terminal status has been written. */
export const isEnded = (flow: Flow): boolean => flow.status !== 'established';

/**
 * A freshly established flow: `refCount = 1 + L` (the table plus one per layer association), its
 * tuple its own number unless given, its design's memory at its initial values.
 *
 * @example
 * newFlow(flowId(1), 4).refCount //=> 5
 */
export function newFlow(
  id: FlowId,
  layers: number,
  tuple: number = id,
  memory: FlowMemory = NO_MEMORY,
): Flow {
  return {
    id,
    tuple,
    refCount: 1 + layers,
    status: 'established',
    flowClosed: false,
    sentBytes: 0,
    notifies: 0,
    callouts: 0,
    memory,
    freed: false,
    notify: null,
    exit: null,
    closedReads: 0,
    accessesAfterFree: 0,
    lowestRefCount: 1 + layers,
  };
}
