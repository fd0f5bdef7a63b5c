/**
 * The aggregator merged a record into an earlier one of its tuple and kept only that one's
 * failures (docs/environment.md, "Attribution").
 */
import { hasFailures } from '../../engine/agent/tcpFailures.js';
import { at, polls, type Explainer } from './Run.js';

export const mergedAway: Explainer = (run) => {
  for (const { i, poll } of polls(run)) {
    for (const r of poll.records) {
      const lost = r.parts.find(
        (p, k) => k > 0 && hasFailures(p.rawFailures) && !hasFailures(p.failures),
      );
      if (lost !== undefined) {
        return `${at(run, i)} the aggregator merged flow ${lost.flow}'s record into flow ${r.flow}'s (both tuple ${r.tuple}) and kept only flow ${r.flow}'s failures`;
      }
    }
  }
  return null;
};
