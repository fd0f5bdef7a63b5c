/**
 * `lingering explore --json` (docs/formats.md#explore-json): what was searched, the counts of the
 * search, the reductions used, the verdicts with a shortest trace each, and the files written
 * (explorer/formatExplore.ts `exploreJson`; explorer/README.md says what the counts mean).
 */
import { z } from 'zod';
import { ENVIRONMENTS } from '../../engine/environment.js';
import { EventJsonSchema } from '../../engine/trace.js';
import { ExploreBoundsSchema } from '../../explorer/ExploreBoundsSchema.js';
import { ShardReportSchema } from '../../explorer/FingerprintHeader.js';
import type { DeepReadonly } from '../../lib/DeepReadonly.js';

/** The format tag: the first key of the report. */
export const EXPLORE_REPORT_FORMAT = 'lingering-explore-report/v1';

const count = z.number().int().min(0);
const perSecond = z.number().min(0);

/** The report. */
export const ExploreReportSchema = z.strictObject({
  format: z.literal(EXPLORE_REPORT_FORMAT),
  driver: z.string(),
  agent: z.string(),
  environment: z.enum(ENVIRONMENTS),
  tuples: z.number().int().min(1),
  bounds: ExploreBoundsSchema,
  complete: z.boolean(),
  outOfMemory: z.boolean(),
  generated: count,
  distinctStates: count,
  queueLeft: count,
  depth: count,
  finalStates: count,
  statesPerSecond: perSecond,
  generatedPerSecond: perSecond,
  wallMs: count,
  workers: z.number().int().min(1),
  searches: z.array(
    z.strictObject({
      judged: count,
      distinctStates: count,
      generated: count,
      depth: count,
      complete: z.boolean(),
      wallMs: count,
      violated: z.array(z.string()),
    }),
  ),
  quiescence: z.enum(['final', 'everyState']),
  symmetryReduction: z.strictObject({
    enabled: z.boolean(),
    flowOrdersPerState: z.number().int().min(1),
  }),
  partialOrderReduction: z.strictObject({ enabled: z.boolean(), sleptMoves: count }),
  persistentSets: z.strictObject({
    enabled: z.boolean(),
    statesExpandedAlone: count,
    tracesShortest: z.boolean(),
  }),
  localMinimisation: z.strictObject({ enabled: z.boolean(), localStates: count, classes: count }),
  holds: z.array(z.string()),
  violations: z.array(
    z.strictObject({
      invariant: z.string(),
      when: z.enum(['everyStep', 'quiescence']),
      depth: count,
      events: z.array(EventJsonSchema),
    }),
  ),
  shard: ShardReportSchema.optional(),
  written: z.array(z.string()),
});

/** The report as the command prints it. */
export type ExploreReportJson = DeepReadonly<z.output<typeof ExploreReportSchema>>;
