import { JSON_OPTION, type CommandSpec } from '../CommandSpec.js';
import { agentOption, clientsOption, driverOption } from './commonOptions.js';

/** `lingering replay FILE`. */
export const replaySpec: CommandSpec = {
  name: 'replay',
  operands: {
    name: 'FILE',
    count: 'one',
    allowed: 'a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json',
  },
  purpose: 'run a trace; print its per-poll table, or the replay report of docs/formats.md',
  options: {
    driver: driverOption("the trace's driver"),
    agent: agentOption("the trace's agent"),
    clients: clientsOption,
    json: JSON_OPTION,
  },
};
