/**
 * The model's agent-design registry: every file in this folder is a design (SPEC 2.3). A new
 * design is a new file here and nothing else.
 */
import { loadVariants } from '../../lib/loadVariants.js';
import type { AgentModel } from '../agentModel.js';

const SPEC_ORDER = ['prefix', 'postfix', 'encoder-gate', 'failures-delta'];

const isAgentModel = (v: unknown): v is AgentModel =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AgentModel).name === 'string' &&
  typeof (v as AgentModel).failuresShipped === 'function';

/** Every agent design the model knows, in SPEC order. */
export const agentModels: readonly AgentModel[] = await loadVariants(
  import.meta.url,
  SPEC_ORDER,
  isAgentModel,
);

/** The names of {@link agentModels}. */
export const agentModelNames: readonly string[] = agentModels.map((a) => a.name);

/** The agent design called `name`, if there is one. */
export const findAgentModel = (name: string): AgentModel | undefined =>
  agentModels.find((a) => a.name === name);
