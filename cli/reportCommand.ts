/**
 * `lingering report [--out DIR]`: one HTML page with the matrix and every saved counterexample.
 * Placeholder until the renderers land.
 */
import { InputError } from './args.js';
import type { Io } from './io.js';

/** Runs `report`. */
export function reportCommand(_argv: readonly string[], _io: Io): number {
  throw new InputError('report: not built yet');
}
