/**
 * An invariant's teeth (docs/style.md#every-invariant-has-a-witness): a named trace on a named pair
 * that violates it, so it can never silently become always-true. Pairs are named, not imported: a
 * broken fixture lives in checking/fixtures/ (above this folder), and invariants/teeth.test.ts
 * resolves the names.
 */
import type { EngineState, ShippedRecord } from '../engine/EngineState.js';

/** A driver and an agent, by name, and optionally a trace of their own. */
export interface Pair {
  /** A design of engine/driver/variants/, or a broken driver of checking/fixtures/brokenDrivers.ts. */
  readonly driver: string;
  /** A design of engine/agent/variants/, or a broken agent of checking/fixtures/brokenAgents.ts. */
  readonly agent: string;
  readonly trace?: string;
}

/** The pair and trace (seq notation, engine/seq.ts; 4 layers, one client) that break the claim. */
export interface Witness extends Pair {
  readonly trace: string;
  /** A correct pair on which the trace (or its own) holds; deferred-move × postfix when absent. */
  readonly fixed?: Pair;
  /**
   * For a claim the engine's own agent never breaks: the fault a broken agent would leave,
   * injected into the state after the trace (which holds without it).
   */
  readonly inject?: (state: EngineState) => EngineState;
}

/**
 * A witness's injected fault in the last poll's shipped records: each record replaced by
 * `broken(record)`; a state with no poll is left as it is.
 *
 * @example
 * breakShippedRecords((r) => ({ ...r, last: counters() })) // every record ships an all-zero Last
 */
export const breakShippedRecords =
  (broken: (r: ShippedRecord) => ShippedRecord) =>
  (s: EngineState): EngineState =>
    s.lastPoll === null
      ? s
      : { ...s, lastPoll: { ...s.lastPoll, records: s.lastPoll.records.map(broken) } };
