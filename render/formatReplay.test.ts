/**
 * How the replay table names a shipped record: its flow, and its tuple when that is another
 * flow's number or the aggregator merged several flows into it (docs/environment.md).
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { replayReport } from '../checking/replayReport.js';
import { seq } from '../engine/seq.js';
import { formatReplay, recordName } from './formatReplay.js';

describe('recordName', () => {
  it('names a record of one flow by its flow, and its tuple when it is another', () => {
    expect(recordName({ flow: 1, tuple: 1, flows: [1] })).toBe('flow 1');
    expect(recordName({ flow: 3, tuple: 1, flows: [3] })).toBe('flow 3 (tuple 1)');
  });

  it('names every flow of a merged record, the kept one first', () => {
    expect(recordName({ flow: 3, tuple: 1, flows: [3, 1] })).toBe('flows 3 + 1 (tuple 1)');
  });
});

describe('formatReplay', () => {
  it('shows the merged record of a reused tuple in the table', () => {
    const config = {
      driver: findDriver('original')!,
      agent: findAgent('prefix')!,
      layers: 4,
      clients: 1,
    };
    const check = checkTrace(config, seq('e1 r1 e2@1 r2 p'));
    if (!check.ok) throw check.error;
    expect(formatReplay(replayReport(check.value), 'replay t.json')).toContain(
      '1     1       2       1         50%   0                        flows 1 + 2 (tuple 1): TCPClosed 2, failures {104:1}, +0 B\n',
    );
  });
});
