/**
 * The agent after PR #47005 and before PR #50823: `updateConnWithStats` copies `TCPFailures`
 * through untouched, so a record that ships carries its failure every time it ships.
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
