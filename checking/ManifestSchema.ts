/**
 * checking/manifest.json (docs/formats.md#expected-verdicts-checkingmanifestjson): the expected
 * verdict of every matrix cell, per environment, at one seed and run count. It has no format field:
 * it belongs to this repository, and the code that reads it is the code that wrote it.
 */
import { z } from 'zod';
import { ENVIRONMENTS } from '../engine/environment.js';

const verdicts = z.strictObject({
  /** `driver/agent` → invariant → verdict. */
  pairs: z.record(
    z.string().regex(/^[^/]+\/[^/]+$/),
    z.record(z.string(), z.enum(['holds', 'violated'])),
  ),
});

/** The manifest. */
export const ManifestSchema = z.strictObject({
  about: z.string(),
  seed: z.number().int(),
  runs: z.number().int().min(1),
  layers: z.number().int().min(1),
  environments: z.strictObject(
    Object.fromEntries(ENVIRONMENTS.map((e) => [e, verdicts.optional()])) as Record<
      (typeof ENVIRONMENTS)[number],
      z.ZodOptional<typeof verdicts>
    >,
  ),
});
