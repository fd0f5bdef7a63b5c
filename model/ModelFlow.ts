/**
 * One flow as the model sees it: the driver's bookkeeping (table, `refCount`, terminal status,
 * `FLOW_CLOSED`, associations, callouts, the operations part-way through, the design's own
 * memory), its 4-tuple, and the agent's view of its connection (client 1: its baseline, whether
 * bytes moved since its last read, what shipped in the current session).
 *
 * Leaves out: byte counts (only "any bytes yet" and "bytes moved since the agent's last `openFlows`
 * read of the flow"), addresses (the tuple is one integer), packets, and every client but one.
 */
import type { FlowMemory } from '../lib/FlowMemory.js';
import { NO_MEMORY } from '../lib/FlowMemory.js';

/** Which table holds the flow (`none` once a poll drained it from `closedFlows`). */
export type Table = 'open' | 'closed' | 'none';

/** The terminal `connectionStatus`: none yet, RecvRst (a reset), or a graceful end. */
export type End = 'none' | 'reset' | 'fin';

/** A delete notification or a callout release part-way through its steps. */
export interface OpInFlight {
  /** The next step to run. */
  readonly step: string;
  /** Compare-exchange attempts made after the first (cas-retry). */
  readonly attempt: number;
  /** A flag the operation read earlier (deferred-move-racy reads its `pendingMove`). */
  readonly flag: boolean;
}

/** Client 1's baseline for the connection: what its last `updateConnWithStats` saw. */
export interface Baseline {
  /** The baseline counted a close (`TCPClosed` 1). */
  readonly closed: boolean;
  /** The failures (`{104: n}`, as a count) of the read that set it. */
  readonly failures: number;
}

/** What the flow's own records shipped to client 1's backend in the current session. */
export interface Shipped {
  readonly closes: number;
  readonly failures: number;
}

/** One established flow. */
export interface ModelFlow {
  /** The 4-tuple (docs/environment.md): flows with one tuple are one connection to the backend. */
  readonly tuple: number;
  readonly table: Table;
  /** 1 for the table, 1 per layer association not yet released, 1 per callout holding one. */
  readonly refCount: number;
  readonly end: End;
  /** `FLOW_CLOSED`, set by the move to `closedFlows`. */
  readonly flowClosed: boolean;
  /** Delete notifications begun (0..L). */
  readonly notifies: number;
  /** Callouts holding a reference whose release has not begun. */
  readonly callouts: number;
  /** The design's own per-flow memory (`DriverModelSpec.memory`, lib/FlowMemory.ts). */
  readonly memory: FlowMemory;
  readonly notify: OpInFlight | null;
  readonly exit: OpInFlight | null;
  /** Bytes moved since the agent last read the flow from `openFlows`. */
  readonly moved: boolean;
  /** `Monotonic` counts bytes: some traffic reached the flow while the driver tracked it. */
  readonly hasBytes: boolean;
  /** `null`: no baseline (the connection was not active in client 1's previous poll). */
  readonly baseline: Baseline | null;
  readonly shipped: Shipped;
}

/**
 * A flow just established with tuple `tuple`: in `openFlows` with `refCount = 1 + L`, its
 * design's memory at its initial values.
 *
 * @example
 * newFlow(4, 1).refCount //=> 5
 */
export const newFlow = (
  layers: number,
  tuple: number,
  memory: FlowMemory = NO_MEMORY,
): ModelFlow => ({
  tuple,
  table: 'open',
  refCount: 1 + layers,
  end: 'none',
  flowClosed: false,
  notifies: 0,
  callouts: 0,
  memory,
  notify: null,
  exit: null,
  moved: false,
  hasBytes: false,
  baseline: null,
  shipped: { closes: 0, failures: 0 },
});

/** `InterlockedIncrement(&refCount)`. */
export const takeReference = (f: ModelFlow): ModelFlow => ({ ...f, refCount: f.refCount + 1 });

/** `InterlockedDecrement(&refCount)`. */
export const releaseReference = (f: ModelFlow): ModelFlow => ({ ...f, refCount: f.refCount - 1 });

/** `DecrementRefCountAndMoveFromOpenToClosedTable`'s move: into `closedFlows`, `FLOW_CLOSED` set. */
export const moveToClosedTable = (f: ModelFlow): ModelFlow => ({
  ...f,
  table: 'closed',
  flowClosed: true,
});

/** A terminal status has been written. */
export const hasEnded = (f: ModelFlow): boolean => f.end !== 'none';

/**
 * A callout can still classify on the flow: a layer association is left whose delete
 * notification has not begun (once the last one begins, no classify starts with the context).
 */
export const hasLayerAssociation = (f: ModelFlow, layers: number): boolean => f.notifies < layers;

/** Packets find the flow by lookup in either table; once drained they find nothing. */
export const isTracked = (f: ModelFlow): boolean => f.table !== 'none';

/**
 * Nothing can move the flow any more: it ended, sits in `openFlows`, every delete notification
 * has run, and no callout holds or is releasing a reference. This is the lingering flow.
 *
 * @example
 * isStranded({ ...newFlow(4, 1), end: 'reset', notifies: 4, refCount: 1 }, 4) //=> true
 */
export const isStranded = (f: ModelFlow, layers: number): boolean =>
  hasEnded(f) &&
  f.table === 'open' &&
  f.notifies === layers &&
  f.notify === null &&
  f.callouts === 0 &&
  f.exit === null;
