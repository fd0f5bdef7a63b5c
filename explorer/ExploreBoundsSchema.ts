/**
 * The bounds of a search as the reports and fingerprint headers write them (explorer/bounds.ts
 * `ExploreBounds`, the tuples in one form: explorer/tupleGroups.ts `normalTuples`).
 */
import { z } from 'zod';
import { MAX_FLOW } from '../engine/events.js';

const count = z.number().int().min(0);

/** The bounds. */
export const ExploreBoundsSchema = z.strictObject({
  flows: z.number().int().min(1).max(MAX_FLOW),
  callouts: count,
  polls: count,
  layers: z.number().int().min(1),
  traffic: count,
  tuples: z.number().int().min(1).max(MAX_FLOW).optional(),
  tupleOf: z.array(z.number().int().min(1).max(MAX_FLOW)).optional(),
});
