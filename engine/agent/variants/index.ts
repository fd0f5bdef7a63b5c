/**
 * The agent-design registry: every file in this folder is a variant
 * (docs/semantics.md#agent-designs).
 */
import type { AgentVariant } from '../AgentVariant.js';
import { registry } from '../../../lib/loadVariants.js';

/** The documented order, used for listings; others follow alphabetically. */
const LISTING_ORDER = ['prefix', 'postfix', 'encoder-gate', 'failures-delta'];

const isAgentVariant = (v: unknown): v is AgentVariant =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AgentVariant).name === 'string' &&
  typeof (v as AgentVariant).reReport === 'function' &&
  typeof (v as AgentVariant).encodeFailures === 'function';

const variants = await registry(import.meta.url, LISTING_ORDER, isAgentVariant);

/** Every agent variant, in listing order. */
export const agentVariants: readonly AgentVariant[] = variants.all;

/** The names of {@link agentVariants}. */
export const agentNames: readonly string[] = variants.names;

/** The variant called `name`, if there is one. */
export const findAgent = variants.find;
