/**
 * The agent after PR #47005 and before PR #50823: `TCPFailures` is copied through untouched, so a
 * record that ships ships its failures, every time (pkg/network/state.go `updateConnWithStats`,
 * pre-fix).
 */
import { encodeAsIs, keepFailures, type AgentVariant } from '../AgentVariant.js';

export const prefix = {
  name: 'prefix',
  summary: 'after #47005, before #50823: failures ship every time the record ships',
  reReport: keepFailures,
  encodeFailures: encodeAsIs,
} satisfies AgentVariant;

export default prefix;
