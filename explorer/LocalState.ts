/**
 * One tuple group's share of the engine state, and the shared rest: what the explorer stores,
 * hashes and steps. A group is the flows of one 4-tuple (tupleGroups.ts); each of them is a
 * *member*, numbered by its place in the group. The engine's state is the product of the groups'
 * shares and the shared part (abstraction.ts A4), so a group's share can be stepped alone.
 *
 * Leaves out: the order of records and table entries across groups (only each group's own
 * relative order is kept), and `lastPoll` (judged on the step that completes the poll, then
 * dropped: see abstraction.ts).
 */
import type { AgentTelemetry } from '../engine/agent/AgentTelemetry.js';
import type { Baseline } from '../engine/agent/AgentVariant.js';
import type { ConnectionStats } from '../engine/agent/ConnectionStats.js';
import type { ConnectionTotals } from '../engine/backend/backend.js';
import type { Flow, OpLocals } from '../engine/driver/flow.js';
import type { StatCounters } from '../engine/agent/statCounters.js';
import { COUNTER_FIELDS } from '../engine/agent/statCounters.js';
import type { FlowMemory } from '../lib/FlowMemory.js';
import { memoryFields } from '../lib/FlowMemory.js';

/** One flow of a group: what belongs to it alone. */
export interface MemberState {
  /** The driver's flow (numbered 1, tuple 1: its number is its place), or null before its establish. */
  readonly flow: Flow | null;
  /** Client 1's baseline for its cookie. */
  readonly baseline: Baseline | null;
  /** ghost: the client's current session saw its end (docs/environment.md, "Client sessions"). */
  readonly ended: boolean;
  /** ghost: what its own records shipped in the client's current session (null: nothing yet). */
  readonly shipped: ConnectionTotals | null;
  /** calloutEnter events used of the budget `C`. */
  readonly entered: number;
  /** traffic events used of the budget `T`. */
  readonly traffic: number;
}

/** A record of one member (its cookie and tuple are written 0 and '': the member says whose). */
export interface Entry {
  readonly member: number;
  readonly record: ConnectionStats;
}

/** One group's share. */
export interface LocalState {
  readonly members: readonly MemberState[];
  /** The members in `openFlows`, in the table's order. */
  readonly open: readonly number[];
  /** The members in `closedFlows`, in the table's order (one twice only with a broken driver). */
  readonly closed: readonly number[];
  /** The records the closed-flows drain holds, in its order. */
  readonly held: readonly Entry[];
  /** Client 1's closed buffer: its non-empty records in order, then its empty ones by member. */
  readonly buffer: readonly Entry[];
  /** A poll is between its two reads. */
  readonly polling: boolean;
  /** While polling: the records the `openFlows` read captured, in read order. */
  readonly captured: readonly Entry[];
  /** Client 1 is registered (the same in every group of a state). */
  readonly registered: boolean;
  /** What the group's tuple has shipped to the backend (null: nothing yet). */
  readonly totals: ConnectionTotals | null;
}

/** What no group owns: the poll counter and phase, registration, and the agent's counters. */
export interface GlobalState {
  readonly polls: number;
  readonly polling: boolean;
  readonly registered: boolean;
  readonly telemetry: AgentTelemetry;
  /** The engine's ghost `reReportsWithFailures`. */
  readonly reReports: number;
}

/** A member not yet established. */
export const ABSENT_MEMBER: MemberState = {
  flow: null,
  baseline: null,
  ended: false,
  shipped: null,
  entered: 0,
  traffic: 0,
};

/**
 * A group of `size` flows none of which is established yet.
 *
 * @example
 * absentGroup(1, true).members.length //=> 1
 */
export const absentGroup = (size: number, registered: boolean): LocalState => ({
  members: new Array<MemberState>(size).fill(ABSENT_MEMBER),
  open: [],
  closed: [],
  held: [],
  buffer: [],
  polling: false,
  captured: [],
  registered,
  totals: null,
});

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
  'tuple',
  'refCount',
  'status',
  'flowClosed',
  'sentBytes',
  'notifies',
  'callouts',
  'memory',
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

// The field check runs on one record in 64 of each kind: the engine builds every record of a kind
// the same way, so a new field shows at once all the same.
let checks = 0;

function fields(
  o: object,
  names: readonly string[],
  what: string,
  write: (k: string, v: unknown) => string,
): string {
  if ((checks++ & 63) === 0 && Object.keys(o).length !== names.length) {
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
// The design's memory, field by field in name order (a design's flows all have the same fields).
const memoryText = (m: FlowMemory): string =>
  memoryFields(m)
    .map((k) => JSON.stringify(m[k]))
    .join(',');
const flowText = (f: Flow): string =>
  fields(f, FLOW_FIELDS, 'Flow', (k, v) =>
    k === 'notify' || k === 'exit'
      ? localsText(v as OpLocals | null)
      : k === 'memory'
        ? memoryText(v as FlowMemory)
        : JSON.stringify(v),
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
const totalsText = (t: ConnectionTotals | null): string =>
  t === null ? '-' : fields(t, ['closes', 'failures'], 'ConnectionTotals', (_k, v) => String(v));
const entriesText = (es: readonly Entry[]): string =>
  es.map((e) => `${e.member}:${recordText(e.record)}`).join(';');

/** The key of one member. */
const memberKey = (m: MemberState): string =>
  [
    m.flow === null ? '-' : flowText(m.flow),
    m.baseline === null ? '-' : baselineText(m.baseline),
    m.ended ? 'e' : '',
    totalsText(m.shipped),
    m.entered,
    m.traffic,
  ].join('|');

/**
 * The interning key of a local state: equal states give equal strings (the hot path never builds
 * one: it works on interned indices).
 */
export const localKey = (s: LocalState): string =>
  [
    s.members.map(memberKey).join('/'),
    s.open.join(','),
    s.closed.join(','),
    entriesText(s.held),
    entriesText(s.buffer),
    s.polling ? 'p' : '',
    entriesText(s.captured),
    s.registered ? '' : 'u',
    totalsText(s.totals),
  ].join('#');

/** The interning key of a global state. */
export const globalKey = (g: GlobalState): string =>
  stableJson([g.polls, g.polling, g.registered, g.telemetry, g.reReports]);
