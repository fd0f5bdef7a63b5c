/**
 * The *because* of a counterexample (Elle's style): the step that made the violation possible,
 * found by looking at the states the trace (and its close-out) went through. One small explainer
 * per kind of cause: a re-report, a close shipped twice after the asynchronous drain, a failure the
 * aggregator dropped, a windows_lingering_flows increment for a flow that is not stranded, a
 * lingering flow.
 */
import { closeOutRun } from '../engine/closeOut.js';
import { isEnded } from '../engine/driver/flow.js';
import type { EngineState, PollResult } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import { allFlows } from '../engine/driver/tables.js';
import { hasFailures, totalFailures } from '../engine/agent/tcpFailures.js';

/** The run an explainer reads: `states[i]` after `events[i - 1]`, the trace then its close-out. */
interface Run {
  readonly states: readonly EngineState[];
  readonly events: readonly Event[];
  /** Events beyond this index are the close-out's. */
  readonly traceLength: number;
  readonly quiescent: EngineState;
}

type Explainer = (run: Run) => string | null;

const at = (run: Run, i: number): string =>
  i > run.traceLength
    ? `in the close-out (${formatEvent(run.events[i - 1] as Event)})`
    : `at step ${i} (${formatEvent(run.events[i - 1] as Event)})`;

/** Each completed poll: its index in the run and what it shipped. */
function polls(run: Run): { i: number; poll: PollResult; before: EngineState }[] {
  const out: { i: number; poll: PollResult; before: EngineState }[] = [];
  for (let i = 1; i < run.states.length; i++) {
    const s = run.states[i] as EngineState;
    const before = run.states[i - 1] as EngineState;
    if (s.lastPoll !== null && s.lastPoll !== before.lastPoll)
      out.push({ i, poll: s.lastPoll, before });
  }
  return out;
}

// A poll shipped failures for a connection that adds no close.
const reReport: Explainer = (run) => {
  for (const { i, poll, before } of polls(run)) {
    if (i > run.traceLength) break;
    const r = poll.records.find((x) => x.lastTCPClosed === 0 && totalFailures(x.rawFailures) > 0);
    if (r === undefined) continue;
    const shipped =
      totalFailures(r.tcpFailures) > 0
        ? `shipped its failure again`
        : `carried its failure again (not shipped)`;
    const where = before.driver.openFlows.includes(r.flow as never)
      ? 'still in openFlows'
      : 'drained from closedFlows';
    return `${at(run, i)} connection ${r.cookie}, ${where}, was re-reported with TCPClosed 0 and ${shipped}`;
  }
  return null;
};

/** The index of the last event before index `end` that `test` accepts, or -1. */
function lastBefore(events: readonly Event[], end: number, test: (e: Event) => boolean): number {
  for (let k = end - 1; k >= 0; k--) if (test(events[k] as Event)) return k;
  return -1;
}

// A flow's close shipped a second time in one client session: the drain stored its record after
// a poll had forgotten the flow's baseline.
const closeTwice: Explainer = (run) => {
  for (const { i, poll } of polls(run)) {
    const part = poll.records
      .flatMap((r) => r.parts)
      .find((p) => p.lastTCPClosed > 0 && p.closesBefore > 0);
    if (part === undefined) continue;
    const store = lastBefore(run.events, i - 1, (e) => e.type === 'drain' && e.step !== 'read');
    const read = lastBefore(run.events, store, (e) => e.type === 'drain' && e.step === 'read');
    const between = polls(run).find((p) => p.i > read + 1 && p.i < store + 1);
    const why =
      read >= 0 && between !== undefined
        ? `: the drain read its closed record ${at(run, read + 1)}, the poll ${at(run, between.i)} ran before the store ${at(run, store + 1)} and forgot the flow's baseline, so the record came back with Last = Monotonic`
        : ': its record came with no baseline';
    return `${at(run, i)} flow ${part.flow} shipped its close a second time${why}`;
  }
  return null;
};

// The aggregator merged a record into an earlier one of its tuple and kept only that one's failures.
const mergedAway: Explainer = (run) => {
  for (const { i, poll } of polls(run)) {
    for (const r of poll.records) {
      const lost = r.parts.find(
        (p, k) => k > 0 && hasFailures(p.rawFailures) && !hasFailures(p.failures),
      );
      if (lost !== undefined) {
        return `${at(run, i)} the aggregator merged flow ${lost.flow}'s record into flow ${r.flow}'s (both tuple ${r.tuple}) and kept only flow ${r.flow}'s failures`;
      }
    }
  }
  return null;
};

// windows_lingering_flows counted a flow that was not stranded.
const notStranded: Explainer = (run) => {
  for (const { i, poll } of polls(run)) {
    const s = poll.suppressions.find((x) => !x.stranded);
    if (s === undefined) continue;
    const d = (run.states[i] as EngineState).driver;
    const f = d.flows[s.flow];
    const where =
      f === undefined
        ? 'unknown'
        : d.openFlows.includes(f.id)
          ? `still in openFlows with ${f.notifies} of ${d.layers} delete notifications begun${f.notify === null ? '' : ' (one part-way through)'}`
          : d.closedFlows.includes(f.id)
            ? 'in closedFlows'
            : 'already drained from closedFlows';
    return `${at(run, i)} windows_lingering_flows counted flow ${s.flow}, ${where}: a re-report of a flow that is not lingering`;
  }
  return null;
};

// A lingering flow: where its last notify began, and what it saw.
const lingering: Explainer = ({ states, quiescent, events, traceLength }) => {
  const stuck = allFlows(quiescent.driver).find(
    (f) => isEnded(f) && quiescent.driver.openFlows.includes(f.id),
  );
  if (stuck === undefined) return null;
  for (let i = 1; i <= traceLength; i++) {
    const before = (states[i - 1] as EngineState).driver.flows[stuck.id];
    const after = (states[i] as EngineState).driver.flows[stuck.id];
    if (before === undefined || after === undefined) continue;
    if (before.notifies < quiescent.config.layers && after.notifies === quiescent.config.layers) {
      const held = after.callouts + (after.exit === null ? 0 : 1);
      return `at step ${i} (${formatEvent(events[i - 1] as Event)}) the last delete notification began with refCount ${before.refCount} and ${held} callout(s) holding a reference: flow ${stuck.id} stayed in openFlows`;
    }
  }
  return `flow ${stuck.id} never got its last delete notification before the close-out`;
};

/** The explainers tried for each invariant, in order; any other invariant tries the lingering one. */
const EXPLAINERS: Readonly<Record<string, readonly Explainer[]>> = {
  FailuresWithinCloses: [reReport, lingering],
  RateAtMost100: [reReport, lingering],
  FailureReportedOnce: [reReport, closeTwice, mergedAway, lingering],
  CloseReportedOnce: [closeTwice, lingering],
  TelemetryMatchesSuppressions: [reReport, lingering],
  NoGenuineFailureSuppressed: [mergedAway],
  TelemetryCountsOnlyLingering: [notStranded],
};

/**
 * One line saying why, or null when no single step explains it.
 *
 * @example
 * explainViolation(states, events, quiescent, 'NoLingeringAtQuiescence')
 * //=> 'at step 10 (flowDeleteNotify(1).cas) the last delete notification began with refCount 3 and 1 callout(s) holding a reference: flow 1 stayed in openFlows'
 */
export function explainViolation(
  states: readonly EngineState[],
  events: readonly Event[],
  quiescent: EngineState,
  invariant: string,
): string | null {
  const last = states[states.length - 1] as EngineState;
  const tail = closeOutRun(last);
  const run: Run = {
    states: [...states, ...tail.states],
    events: [...events, ...tail.events],
    traceLength: events.length,
    quiescent,
  };
  for (const explain of EXPLAINERS[invariant] ?? [lingering]) {
    const why = explain(run);
    if (why !== null) return why;
  }
  return null;
}
