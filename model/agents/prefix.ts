/**
 * The agent after PR #47005 and before PR #50823: a shipped record carries its failure every time
 * it ships (`TCPFailures` has no baseline and is copied through).
 *
 * Leaves out: everything the designs share (agentModel.ts).
 */
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'prefix',
  summary: 'failures ship every time the record ships',
  failuresShipped: ({ failure }) => (failure ? 1 : 0),
});
