/**
 * A poll shipped failures for a connection that adds no close: the lingering re-report.
 */
import { totalFailures } from '../../engine/agent/tcpFailures.js';
import { at, polls, type Explainer } from './Run.js';

export const reReport: Explainer = (run) => {
  for (const { i, poll, before } of polls(run)) {
    if (i > run.traceLength) break;
    const r = poll.records.find((x) => x.lastTCPClosed === 0 && totalFailures(x.rawFailures) > 0);
    if (r === undefined) continue;
    const shipped =
      totalFailures(r.tcpFailures) > 0
        ? `shipped its failure again`
        : `carried its failure again (not shipped)`;
    const where = before.driver.openFlows.includes(r.flow as never)
      ? 'still in openFlows'
      : 'drained from closedFlows';
    return `${at(run, i)} connection ${r.cookie}, ${where}, was re-reported with TCPClosed 0 and ${shipped}`;
  }
  return null;
};
