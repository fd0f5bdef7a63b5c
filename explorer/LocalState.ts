/**
 * One flow's share of the engine state, and the shared rest: what the explorer stores, hashes and
 * steps. The engine's state is the product of these (one client; every table, baseline, backend
 * total and captured record belongs to exactly one flow), so a flow's share can be stepped alone.
 *
 * Leaves out: the order of `openFlows`, `closedFlows`, the baselines map and the poll's records
 * (nothing the agent or an invariant decides depends on it: each record is handled per cookie),
 * and `lastPoll` (judged on the step that completes the poll, then dropped: see abstraction.ts).
 */
import type { AgentTelemetry } from '../engine/agent/AgentTelemetry.js';
import type { Baseline } from '../engine/agent/AgentVariant.js';
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import type { Flow, OpLocals } from '../engine/driver/flow.js';
import type { StatCounters } from '../engine/agent/statCounters.js';
import { COUNTER_FIELDS } from '../engine/agent/statCounters.js';

/** One flow's share, numbered as flow 1 (its number is its place in the state, not part of it). */
export interface LocalState {
  /** The driver's flow, or null before its establish. */
  readonly flow: Flow | null;
  /** In `openFlows`. */
  readonly inOpen: boolean;
  /** Times it appears in `closedFlows` (more than 1 only with a broken driver). */
  readonly closedCopies: number;
  /** Client 1's baseline for its cookie. */
  readonly baseline: Baseline | null;
  /** A poll is between its two reads. */
  readonly polling: boolean;
  /** While polling: the record the `openFlows` read captured (null if the flow was not open). */
  readonly captured: ConnectionStats | null;
  /** What its cookie has shipped to the backend (null: nothing yet). */
  readonly totals: ConnectionTotals | null;
  /** calloutEnter events used of the budget `C`. */
  readonly entered: number;
  /** traffic events used of the budget `T`. */
  readonly traffic: number;
}

/** What no single flow owns: the poll counter and phase, and the agent's cumulative counters. */
export interface GlobalState {
  readonly polls: number;
  readonly polling: boolean;
  readonly telemetry: AgentTelemetry;
  /** The engine's ghost `reReportsWithFailures`. */
  readonly reReports: number;
}

/** A flow not yet established. */
export const ABSENT: LocalState = {
  flow: null,
  inOpen: false,
  closedCopies: 0,
  baseline: null,
  polling: false,
  captured: null,
  totals: null,
  entered: 0,
  traffic: 0,
};

/** JSON with object keys sorted, so that equal values give equal text whatever their key order. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v instanceof Map) return stableJson([...v.entries()].sort());
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

// The fields of each record a local state holds, in a fixed order. The key is written field by
// field (faster than sorting keys); a record with a field not listed here stops the search, so a
// new engine field can never be silently left out of the key.
const FLOW_FIELDS = [
  'id',
  'refCount',
  'status',
  'flowClosed',
  'sentBytes',
  'notifies',
  'callouts',
  'pendingMove',
  'locked',
  'freed',
  'notify',
  'exit',
  'closedReads',
  'accessesAfterFree',
  'lowestRefCount',
] as const satisfies readonly (keyof Flow)[];
const LOCALS_FIELDS = [
  'step',
  'seen',
  'flag',
  'attempt',
] as const satisfies readonly (keyof OpLocals)[];
const RECORD_FIELDS = [
  'cookie',
  'tuple',
  'monotonic',
  'last',
  'tcpFailures',
  'lastUpdateEpoch',
] as const satisfies readonly (keyof ConnectionStats)[];

function fields(
  o: object,
  names: readonly string[],
  what: string,
  write: (k: string, v: unknown) => string,
): string {
  if (Object.keys(o).length !== names.length) {
    throw new Error(
      `explorer: a ${what} has fields ${Object.keys(o).join(', ')}; the key writes ${names.join(', ')}`,
    );
  }
  const r = o as Record<string, unknown>;
  return names.map((k) => write(k, r[k])).join(',');
}

const countersText = (c: StatCounters): string =>
  fields(c, COUNTER_FIELDS, 'StatCounters', (_k, v) => String(v));
const failuresText = (f: Readonly<Record<string, number>>): string => stableJson(f);
const localsText = (l: OpLocals | null): string =>
  l === null ? '-' : `(${fields(l, LOCALS_FIELDS, 'OpLocals', (_k, v) => JSON.stringify(v))})`;
const flowText = (f: Flow): string =>
  fields(f, FLOW_FIELDS, 'Flow', (k, v) =>
    k === 'notify' || k === 'exit' ? localsText(v as OpLocals | null) : JSON.stringify(v),
  );
const recordText = (c: ConnectionStats): string =>
  fields(c, RECORD_FIELDS, 'ConnectionStats', (k, v) =>
    k === 'monotonic' || k === 'last'
      ? `[${countersText(v as StatCounters)}]`
      : k === 'tcpFailures'
        ? failuresText(v as Record<string, number>)
        : JSON.stringify(v),
  );
const baselineText = (b: Baseline): string =>
  fields(b, ['counters', 'failures'], 'Baseline', (k, v) =>
    k === 'counters'
      ? `[${countersText(v as StatCounters)}]`
      : failuresText(v as Record<string, number>),
  );
const totalsText = (t: ConnectionTotals): string =>
  fields(t, ['closes', 'failures'], 'ConnectionTotals', (_k, v) => String(v));

/**
 * The interning key of a local state: equal states give equal strings (the hot path never builds
 * one: it works on interned indices).
 */
export const localKey = (s: LocalState): string =>
  [
    s.flow === null ? '-' : flowText(s.flow),
    s.inOpen ? 'o' : '',
    s.closedCopies,
    s.baseline === null ? '-' : baselineText(s.baseline),
    s.polling ? 'p' : '',
    s.captured === null ? '-' : recordText(s.captured),
    s.totals === null ? '-' : totalsText(s.totals),
    s.entered,
    s.traffic,
  ].join('|');

/** The interning key of a global state. */
export const globalKey = (g: GlobalState): string =>
  stableJson([g.polls, g.polling, g.telemetry, g.reReports]);
