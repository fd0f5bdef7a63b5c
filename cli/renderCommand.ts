/**
 * `lingering render FILE --format mermaid|svg|html`: pictures of a trace or counterexample.
 * Placeholder until the renderers land.
 */
import { InputError } from './args.js';
import type { Io } from './io.js';

/** Runs `render`. */
export function renderCommand(_argv: readonly string[], _io: Io): number {
  throw new InputError('render: not built yet');
}
