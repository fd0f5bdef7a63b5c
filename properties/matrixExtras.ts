/**
 * Claims the matrix judges beside the engine invariants: `EngineMatchesModel` (the engine against
 * the independent xstate model), once the model exists.
 */
import type { MatrixProperty } from './matrix.js';

/** Extra matrix columns, in order. */
export const matrixExtras: readonly MatrixProperty[] = [];
