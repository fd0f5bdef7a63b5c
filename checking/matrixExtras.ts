/**
 * Claims the matrix judges beside the engine invariants: `EngineMatchesModel`, the engine against
 * the independent xstate model (model/), step by step on every generated run.
 */
import { engineMatchesModel } from './engineMatchesModel.js';
import { ENGINE_MATCHES_MODEL } from '../invariants/index.js';
import type { MatrixProperty } from './matrix.js';

/** The engine's observable state equals the model's after every event. */
const EngineMatchesModel: MatrixProperty = {
  name: ENGINE_MATCHES_MODEL,
  statement: "after every event the engine's observable state equals the xstate model's",
  holds: (config, run) => engineMatchesModel(config, run.events, { engineStates: run.states }).ok,
};

/** Extra matrix columns, in order. */
export const matrixExtras: readonly MatrixProperty[] = [EngineMatchesModel];
