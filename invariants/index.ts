/**
 * Every engine invariant of docs/semantics.md#invariants: each file of `catalogue/` is one
 * invariant (its default export), so adding an invariant is writing one file there.
 * `EngineMatchesModel` compares the engine with the model and lives beside the model checks
 * (checking/engineMatchesModel.ts).
 */
import { loadVariants } from '../lib/loadVariants.js';
import type { Invariant } from './Invariant.js';

/**
 * The documented order, used for listings and reports; invariants not named here follow
 * alphabetically.
 */
const LISTING_ORDER = [
  'FailuresWithinCloses',
  'RateAtMost100',
  'CloseReportedOnce',
  'FailureReportedOnce',
  'ClosedReadOnce',
  'RefCountNonNegative',
  'NoUseAfterFree',
  'NoLingeringAtQuiescence',
  'ShippedNotEmpty',
  'NoUnderflowLeak',
  'BaselineHygiene',
  'TelemetryMatchesSuppressions',
  'NoGenuineFailureSuppressed',
  'TelemetryCountsOnlyLingering',
];

const isInvariant = (v: unknown): v is Invariant =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Invariant).name === 'string' &&
  typeof (v as Invariant).check === 'function';

/** The folder the invariants are discovered in. */
const CATALOGUE = new URL('catalogue/', import.meta.url);

/** The invariants checked on the engine, in the documented order. */
export const invariants: readonly Invariant[] = await loadVariants(
  CATALOGUE.href,
  LISTING_ORDER,
  isInvariant,
);

/** The name of the model-conformance invariant (docs/semantics.md#enginematchesmodel). */
export const ENGINE_MATCHES_MODEL = 'EngineMatchesModel';

/** Every invariant name a file or a flag may use. */
export const invariantNames: readonly string[] = [
  ...invariants.map((i) => i.name),
  ENGINE_MATCHES_MODEL,
];

/** The invariant called `name`. */
export const findInvariant = (name: string): Invariant | undefined =>
  invariants.find((i) => i.name === name);
