/**
 * reReport: a poll shipped failures for a connection that adds no close, the lingering re-report
 * of PR #50823.
 */
import { describe, expect, it } from 'vitest';
import { runAfter, type RunOptions } from '../../checking/fixtures/runs.js';
import { reReport } from './reReport.js';

const why = (text: string, options?: RunOptions) => reReport(runAfter(text, options));

// A plain poll first (TCPClosed 0, no failure), then the reset flow's close and failure, then,
// with the callout's reference keeping the flow in openFlows, its re-report by the last event.
const LINGERING = 'e1 t1 p ce1 r1 fd1*4 cx1 p t1 p';

describe('reReport', () => {
  it('names the poll that re-reported a flow still in openFlows, up to the last event', () => {
    expect(why(LINGERING)).toBe(
      'at step 13 (poll) connection 1, still in openFlows, was re-reported with TCPClosed 0 and shipped its failure again',
    );
  });

  it('says the failure was only carried when the agent did not ship it', () => {
    expect(why(LINGERING, { agent: 'silent-postfix' })).toBe(
      'at step 13 (poll) connection 1, still in openFlows, was re-reported with TCPClosed 0 and carried its failure again (not shipped)',
    );
  });

  it('says when the re-reported flow had been drained from closedFlows', () => {
    expect(why('e1 ce1 r1 p cx1 fd1*4 t1 p')).toBe(
      'at step 11 (poll) connection 1, drained from closedFlows, was re-reported with TCPClosed 0 and shipped its failure again',
    );
  });

  it('leaves a re-report of the close-out alone', () => {
    // The same race without its last poll: the close-out's poll re-reports the flow.
    expect(why('e1 t1 p ce1 r1 fd1*4 cx1 p t1')).toBeNull();
  });
});
