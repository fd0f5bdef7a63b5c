import type { CommandSpec } from '../CommandSpec.js';
import { agentOption, clientsOption, driverOption } from './commonOptions.js';

/** What `export --format` writes. */
const EXPORT_FORMATS = ['itf'] as const;

/** `lingering export FILE`. */
export const exportSpec: CommandSpec = {
  name: 'export',
  operands: {
    name: 'FILE',
    count: 'one',
    allowed: 'a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json',
  },
  purpose: 'write a trace as Apalache/Quint ITF JSON, one state per step',
  options: {
    format: {
      kind: 'choice',
      value: 'F',
      values: EXPORT_FORMATS,
      default: 'itf',
      help: 'the interchange format',
    },
    driver: driverOption("the trace's driver"),
    agent: agentOption("the trace's agent"),
    clients: clientsOption,
    // ITF is JSON already: --json is accepted, as every command takes it, and changes nothing.
    json: { kind: 'flag', help: 'accepted; ITF is JSON already' },
  },
};
