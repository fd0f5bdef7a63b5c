/**
 * The model's agent-design registry: every file in this folder is a design
 * (docs/semantics.md#agent-designs). A new design is a new file here and nothing else.
 */
import { registry } from '../../lib/loadVariants.js';
import type { AgentModel } from '../agentModel.js';

const LISTING_ORDER = ['prefix', 'postfix', 'encoder-gate', 'failures-delta'];

const isAgentModel = (v: unknown): v is AgentModel =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AgentModel).name === 'string' &&
  typeof (v as AgentModel).reReport === 'function' &&
  typeof (v as AgentModel).encodeFailures === 'function';

const variants = await registry(import.meta.url, LISTING_ORDER, isAgentModel);

/** Every agent design the model knows, in listing order. */
export const agentModels: readonly AgentModel[] = variants.all;

/** The names of {@link agentModels}. */
export const agentModelNames: readonly string[] = variants.names;

/** The variant called `name`, if there is one. */
export const findAgentModel = variants.find;
