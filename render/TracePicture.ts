/**
 * Everything the pictures of one trace draw, computed once: the described events, the polls with
 * the backend rate, every verdict, and the one invariant to highlight. Pure data; the renderers
 * (mermaid, SVG, HTML, text) only lay it out.
 */
import type { Event } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import type { TraceCheck, Verdict } from '../invariants/checkTrace.js';
import { explainViolation } from '../invariants/explainViolation.js';
import type { ReportPoll } from '../checking/replayReport.js';
import { pollsOf } from '../checking/replayReport.js';
import type { StepView } from './describeSteps.js';
import { describeSteps } from './describeSteps.js';

/** The invariant a picture highlights, and what became of it on this trace. */
export interface Highlight {
  readonly name: string;
  readonly statement: string;
  readonly when: 'everyStep' | 'quiescence' | 'model';
  /** `unjudged`: the engine does not judge it on its own (EngineMatchesModel needs the model). */
  readonly verdict: 'holds' | 'violated' | 'unjudged';
  /** For a safety violation: the 1-based event after which it first broke. */
  readonly step?: number;
  readonly subject?: string;
  readonly detail?: string;
  /**
   * The *because* of a violation (docs/style.md#a-counterexample-prints-as-a-program), when one
   * step explains it.
   */
  readonly because?: string;
}

/** The pictures' input. */
export interface TracePicture {
  /** What the picture is of, usually the file name. */
  readonly title: string;
  readonly driver: string;
  readonly agent: string;
  readonly layers: number;
  readonly steps: readonly StepView[];
  readonly polls: readonly ReportPoll[];
  readonly verdicts: readonly Verdict[];
  /** The close-out after which the quiescence invariants were judged, as `formatEvent` prints it. */
  readonly closeOut: readonly string[];
  readonly highlight: Highlight | null;
}

/** How to choose the highlighted invariant. */
export interface PictureOptions {
  readonly title: string;
  /** The file's `violated` field. */
  readonly violated?: string | undefined;
  /** `--invariant`: asked for on the command line, so it wins over the file's field. */
  readonly invariant?: string | undefined;
}

const highlightOf = (v: Verdict): Highlight => ({
  name: v.invariant.name,
  statement: v.invariant.statement,
  when: v.invariant.when,
  verdict: v.verdict,
  ...(v.step === undefined ? {} : { step: v.step }),
  ...(v.subject === undefined ? {} : { subject: v.subject, detail: v.detail ?? '' }),
});

/**
 * The invariant to highlight: the named one (`--invariant`, else the file's `violated`), else the
 * first safety invariant the trace violates, else the first violated at quiescence, else none.
 *
 * @example
 * pickHighlight(check.verdicts, undefined)?.name //=> 'FailuresWithinCloses' for the PR trace
 */
function pickHighlight(verdicts: readonly Verdict[], name: string | undefined): Highlight | null {
  if (name !== undefined) {
    const v = verdicts.find((x) => x.invariant.name === name);
    if (v !== undefined) return highlightOf(v);
    return {
      name,
      statement:
        'judged by comparing the engine with the xstate model (lingering model), not drawn here',
      when: 'model',
      verdict: 'unjudged',
    };
  }
  // The earliest break; invariant order among those that break at the same step.
  const safety = verdicts
    .filter((v) => v.verdict === 'violated' && v.step !== undefined)
    .reduce<Verdict | undefined>(
      (best, v) => (best === undefined || (v.step ?? 0) < (best.step ?? 0) ? v : best),
      undefined,
    );
  const any = safety ?? verdicts.find((v) => v.verdict === 'violated');
  return any === undefined ? null : highlightOf(any);
}

/**
 * Builds the picture of a checked trace.
 *
 * @example
 * tracePicture(check, trace.events, { title: 'pr-50823-three-polls.json', violated: undefined }).highlight?.step
 * //=> 12
 */
export function tracePicture(
  check: TraceCheck,
  events: readonly Event[],
  options: PictureOptions,
): TracePicture {
  const { config } = check.states[0] ?? check.quiescent;
  const picked = pickHighlight(check.verdicts, options.invariant ?? options.violated);
  const because =
    picked?.verdict === 'violated'
      ? explainViolation(check.states, events, check.quiescent, picked.name)
      : null;
  return {
    title: options.title,
    driver: config.driver.name,
    agent: config.agent.name,
    layers: config.layers,
    steps: describeSteps(check.states, events),
    polls: pollsOf(check.states),
    verdicts: check.verdicts,
    closeOut: check.closeOut.map(formatEvent),
    highlight: picked === null || because === null ? picked : { ...picked, because },
  };
}
