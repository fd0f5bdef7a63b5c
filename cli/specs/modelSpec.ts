import { agentModelNames } from '../../model/agents/index.js';
import { driverModelNames } from '../../model/variants/index.js';
import { JSON_OPTION, QUIET_OPTION, type CommandSpec } from '../CommandSpec.js';

/** What `model --format` prints. */
export const MODEL_FORMATS = ['text', 'json', 'mermaid', 'stately'] as const;

/** `lingering model`. */
export const modelSpec: CommandSpec = {
  name: 'model',
  purpose:
    'explore the xstate model: its reachable states, transitions and shortest path to a lingering flow',
  options: {
    driver: {
      kind: 'choice',
      value: 'D',
      values: driverModelNames,
      default: 'original',
      help: 'the driver design the model has',
    },
    agent: {
      kind: 'choice',
      value: 'A',
      values: agentModelNames,
      default: 'prefix',
      help: 'the agent design the model has',
    },
    flows: { kind: 'int', value: 'N', min: 1, max: 3, default: 1, help: 'flows in the model' },
    layers: {
      kind: 'int',
      value: 'L',
      min: 1,
      max: 8,
      default: '4 for one flow, 1 for more',
      help: 'associations per flow',
    },
    callouts: {
      kind: 'int',
      value: 'C',
      min: 0,
      max: 4,
      default: '2 for one flow, 1 for more',
      help: 'callouts holding a reference at once, per flow',
    },
    polls: {
      kind: 'int',
      value: 'P',
      min: 0,
      max: 6,
      default: '2 for one flow, 0 for more',
      help: 'polls in a path',
    },
    format: {
      kind: 'choice',
      value: 'F',
      values: MODEL_FORMATS,
      default: 'text',
      help: "what to print (stately --json: the machine as data for xstate's createMachine)",
    },
    json: JSON_OPTION,
    quiet: QUIET_OPTION,
  },
};
