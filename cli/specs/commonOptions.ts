/**
 * Options several commands share, declared once: the designs, the environment, the search's seed
 * and runs, the clients and the invariant.
 */
import { agentNames } from '../../engine/agent/variants/index.js';
import { driverNames } from '../../engine/driver/variants/index.js';
import { DEFAULT_ENVIRONMENT, ENVIRONMENTS } from '../../engine/environment.js';
import { MAX_CLIENT } from '../../engine/events.js';
import { invariantNames } from '../../invariants/index.js';
import type { ChoiceSpec, OptionSpec } from '../CommandSpec.js';

/** Sequences per pair when `--runs` is not given. */
export const DEFAULT_RUNS = 200;

/** fast-check's seed when `--seed` is not given. */
export const DEFAULT_SEED = 1;

export const driverOption = (fallback?: string): ChoiceSpec => ({
  kind: 'choice',
  value: 'D',
  values: driverNames,
  ...(fallback === undefined ? {} : { default: fallback }),
  help: 'the driver-fix design',
});

export const agentOption = (fallback?: string): ChoiceSpec => ({
  kind: 'choice',
  value: 'A',
  values: agentNames,
  ...(fallback === undefined ? {} : { default: fallback }),
  help: 'the agent design',
});

export const environmentOption: OptionSpec = {
  kind: 'choice',
  value: 'E',
  values: ENVIRONMENTS,
  default: DEFAULT_ENVIRONMENT,
  help: 'what the driver and the agent may do around the flow (docs/environment.md)',
};

export const runsOption: OptionSpec = {
  kind: 'int',
  value: 'N',
  min: 1,
  max: 100_000,
  default: DEFAULT_RUNS,
  help: 'generated sequences per pair',
};

export const seedOption: OptionSpec = {
  kind: 'int',
  value: 'S',
  min: -(2 ** 31),
  max: 2 ** 31 - 1,
  default: DEFAULT_SEED,
  help: "fast-check's seed",
};

export const clientsOption: OptionSpec = {
  kind: 'int',
  value: 'K',
  min: 1,
  max: MAX_CLIENT,
  default: 'the highest client the trace names',
  help: 'clients polling the agent',
};

export const invariantOption = (help: string): OptionSpec => ({
  kind: 'choice',
  value: 'NAME',
  values: invariantNames,
  valuesAre: "an invariant's name (README: Invariants)",
  help,
});
