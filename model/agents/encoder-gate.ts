/**
 * The alternative `TestWindowsTCPFailureReplay_ProposedFix` (pkg/network) describes: the encoder
 * writes `tcpFailuresByErrCode` only when the (merged) record ships a close (`Last.TCPClosed > 0`).
 *
 * Leaves out: nothing else changes; the agent's state is untouched.
 */
import { keepFailures } from '../AgentDesign.js';
import { agentModel } from '../agentModel.js';

export default agentModel({
  name: 'encoder-gate',
  summary: 'failures ship only with Last.TCPClosed > 0',
  reReport: keepFailures,
  encodeFailures: ({ lastClosed, failures }) => (lastClosed > 0 ? failures : 0),
});
