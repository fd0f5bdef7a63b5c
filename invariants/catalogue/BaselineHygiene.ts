/**
 * After a poll the client keeps a baseline for exactly the cookies that were active in it: read
 * from `openFlows` and not absorbed by a closed record (pkg/network/state.go `mergeConnections`,
 * "keep stats for only active connections"; docs/semantics.md#getdelta).
 */
import { fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';

export const BaselineHygiene = {
  name: 'BaselineHygiene',
  statement: 'after a poll the baselines are exactly the active cookies',
  when: 'everyStep',
  check: ({ lastPoll }) => {
    if (lastPoll === null) return HOLDS;
    const closed = new Set(lastPoll.closedCookies);
    const expected = [...new Set(lastPoll.openCookies.filter((c) => !closed.has(c)))].sort(
      (a, b) => a - b,
    );
    // What the poll left, not what is there now: an expiry may since have dropped the client.
    const kept = [...lastPoll.baselines].sort((a, b) => a - b);
    return expected.join(',') === kept.join(',')
      ? HOLDS
      : fails(
          `client ${lastPoll.client + 1}`,
          `baselines for [${kept.join(', ')}] after poll ${lastPoll.index}, active [${expected.join(', ')}]`,
        );
  },
  scope: 'perFlow',
  explain: lingering,
  // A client that keeps a baseline for a cookie that was not active.
  witness: {
    driver: 'original',
    agent: 'prefix',
    trace: 'e1 t1 p t1',
    inject: (s) =>
      s.lastPoll === null ? s : { ...s, lastPoll: { ...s.lastPoll, openCookies: [] } },
  },
} satisfies Invariant;

export default BaselineHygiene;
