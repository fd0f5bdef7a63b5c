/**
 * Every engine invariant of SPEC 2.4, in SPEC order. `EngineMatchesModel` compares the engine with
 * the model and lives beside the model checks (checking/engineMatchesModel.ts).
 */
import { BaselineHygiene } from './BaselineHygiene.js';
import { CloseReportedOnce } from './CloseReportedOnce.js';
import { ClosedReadOnce } from './ClosedReadOnce.js';
import { FailureReportedOnce } from './FailureReportedOnce.js';
import { FailuresWithinCloses } from './FailuresWithinCloses.js';
import type { Invariant } from './Invariant.js';
import { NoGenuineFailureSuppressed } from './NoGenuineFailureSuppressed.js';
import { NoLingeringAtQuiescence } from './NoLingeringAtQuiescence.js';
import { NoUnderflowLeak } from './NoUnderflowLeak.js';
import { NoUseAfterFree } from './NoUseAfterFree.js';
import { RateAtMost100 } from './RateAtMost100.js';
import { RefCountNonNegative } from './RefCountNonNegative.js';
import { ShippedNotEmpty } from './ShippedNotEmpty.js';
import { TelemetryCountsOnlyLingering } from './TelemetryCountsOnlyLingering.js';
import { TelemetryMatchesSuppressions } from './TelemetryMatchesSuppressions.js';

/** The invariants checked on the engine, in SPEC 2.4 order. */
export const invariants: readonly Invariant[] = [
  FailuresWithinCloses,
  RateAtMost100,
  CloseReportedOnce,
  FailureReportedOnce,
  ClosedReadOnce,
  RefCountNonNegative,
  NoUseAfterFree,
  NoLingeringAtQuiescence,
  ShippedNotEmpty,
  NoUnderflowLeak,
  BaselineHygiene,
  TelemetryMatchesSuppressions,
  NoGenuineFailureSuppressed,
  TelemetryCountsOnlyLingering,
];

/** The name of the model-conformance invariant (SPEC 2.4). */
export const ENGINE_MATCHES_MODEL = 'EngineMatchesModel';

/** Every invariant name a file or a flag may use. */
export const invariantNames: readonly string[] = [
  ...invariants.map((i) => i.name),
  ENGINE_MATCHES_MODEL,
];

/** The invariant called `name`. */
export const findInvariant = (name: string): Invariant | undefined =>
  invariants.find((i) => i.name === name);
