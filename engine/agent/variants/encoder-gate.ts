/**
 * The alternative in PR #50823's test file (`TestWindowsTCPFailureReplay_ProposedFix`): the encoder
 * writes `tcpFailuresByErrCode` only when the record ships a close (`Last.TCPClosed > 0`). State is
 * untouched and nothing is counted.
 */
import { keepFailures, type AgentVariant } from '../AgentVariant.js';
import { NO_FAILURES } from '../tcpFailures.js';

export const encoderGate = {
  name: 'encoder-gate',
  summary: 'the encoder ships failures only with Last.TCPClosed > 0',
  reReport: keepFailures,
  encodeFailures: (record) => (record.last.tcpClosed > 0 ? record.tcpFailures : NO_FAILURES),
} satisfies AgentVariant;

export default encoderGate;
