/**
 * How the replay table names a shipped record: its flow, and its tuple when that is another
 * flow's number or the aggregator merged several flows into it (docs/environment.md).
 */
import { describe, expect, it } from 'vitest';
import { invariants } from '../invariants/index.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { replayReport } from '../checking/replayReport.js';
import { seq } from '../engine/seq.js';
import { formatFailures, formatReplay, recordName } from './formatReplay.js';

/** The replay report of a hand-written trace under the original driver and the prefix agent. */
function reportOf(text: string, clients = 1) {
  const config = {
    driver: findDriver('original')!,
    agent: findAgent('prefix')!,
    layers: 4,
    clients,
  };
  const check = checkTrace(config, seq(text));
  if (!check.ok) throw check.error;
  return replayReport(check.value);
}

/** The invariants part of every report whose invariants all hold. */
const allHold = (closeOut: number): string =>
  [
    `invariants (safety after every event; quiescence after a close-out of ${closeOut} events):`,
    // Every engine invariant, in the registry's order (pinned by invariants/Invariant.test.ts).
    ...invariants.map((i) => `  ✓ ${i.name}`),
  ].join('\n');

const HEAD = 'poll  client  closes  failures  rate  windows_lingering_flows  shipped records';

describe('recordName', () => {
  it('names a record of one flow by its flow, and its tuple when it is another', () => {
    expect(recordName({ flow: 1, tuple: 1, flows: [1] })).toBe('flow 1');
    expect(recordName({ flow: 3, tuple: 1, flows: [3] })).toBe('flow 3 (tuple 1)');
  });

  it('names the record by its flow when it lists no flows', () => {
    expect(recordName({ flow: 2, tuple: 2, flows: [] })).toBe('flow 2');
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

describe('formatFailures', () => {
  it('lists every failure code with its count', () => {
    expect(formatFailures({ 104: 1, 110: 2 })).toBe('{104:1, 110:2}');
    expect(formatFailures({})).toBe('{}');
  });
});

describe('formatReplay: the whole text', () => {
  it('gives one row per poll, each record of a poll, and a poll that shipped nothing', () => {
    expect(formatReplay(reportOf('e1 e2 t1:100 p@1 p@2 p@1', 2), 'replay t.json')).toBe(
      [
        'replay t.json: driver original, agent prefix, L=4, 2 clients, 6 events',
        '',
        HEAD,
        '1     1       0       0         —     0                        flow 1: TCPClosed 0, failures {}, +100 B; flow 2: TCPClosed 0, failures {}, +0 B',
        '2     2       0       0         —     0                        flow 1: TCPClosed 0, failures {}, +100 B; flow 2: TCPClosed 0, failures {}, +0 B',
        '3     1       0       0         —     0                        (nothing shipped)',
        '',
        allHold(12),
        '',
      ].join('\n'),
    );
  });

  it('says when the trace has no poll, for one client', () => {
    expect(formatReplay(reportOf('e1'), 'replay t.json')).toBe(
      [
        'replay t.json: driver original, agent prefix, L=4, 1 client, 1 events',
        '',
        HEAD,
        '(the trace has no poll)',
        '',
        allHold(6),
        '',
      ].join('\n'),
    );
  });

  it('widens a column to its widest cell', () => {
    const report = reportOf('e1 p');
    const poll = report.polls[0]!;
    const wide = { ...report, polls: [{ ...poll, backend: { ...poll.backend, rate: 12.5 } }] };
    expect(formatReplay(wide, 't').split('\n').slice(2, 4)).toEqual([
      'poll  client  closes  failures  rate   windows_lingering_flows  shipped records',
      '1     1       0       0         1250%  0                        flow 1: TCPClosed 0, failures {}, +0 B',
    ]);
  });
});
