/**
 * `lingering model`: the xstate model's reachable states, transitions and the shortest path to a
 * lingering flow (issue 3). Placeholder until the model lands.
 */
import { InputError } from './args.js';
import type { Io } from './io.js';

/** Runs `model`. */
export function modelCommand(_argv: readonly string[], _io: Io): number {
  throw new InputError('model: the xstate model is not built yet');
}
