/**
 * The agent whose `FlowToConnStat` reads a reset flow as closed and whose `updateConnWithStats`
 * (pkg/network/state.go) copies `TCPFailures` through untouched: a record that ships carries its
 * failure every time it ships.
 *
 * Leaves out: everything the designs share (agentModel.ts); the defaults of AgentDesign.ts apply.
 */
import { encodeAsIs, keepFailures } from '../AgentDesign.js';
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'prefix',
  summary: 'failures ship every time the record ships',
  reReport: keepFailures,
  encodeFailures: encodeAsIs,
});
