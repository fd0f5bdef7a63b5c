/**
 * The agent designs of docs/semantics.md#agent-designs, each called directly (not through the
 * registry): what a re-reported record keeps of its failures, whether the design counts a
 * suppression, and what its encoder writes.
 */
import { describe, expect, it } from 'vitest';
import type { AgentVariant, ReReport } from '../AgentVariant.js';
import { encodeAsIs, keepFailures } from '../AgentVariant.js';
import { connection, cookie } from '../ConnectionStats.js';
import { counters } from '../statCounters.js';
import type { TCPFailures } from '../tcpFailures.js';
import { closeRecord } from './close-record.js';
import { encoderGate } from './encoder-gate.js';
import { failuresDelta } from './failures-delta.js';
import { postfix } from './postfix.js';
import { prefix } from './prefix.js';

const RESET = { '104': 1 };

/** A re-report: the baseline closed or not, this delta closes or not, with these failures. */
const reReport = (
  baselineClosed: number,
  lastClosed: number,
  failures: TCPFailures,
  baselineFailures: TCPFailures = {},
): ReReport => ({
  failures,
  baseline: {
    counters: counters({ sentBytes: 1, tcpClosed: baselineClosed }),
    failures: baselineFailures,
  },
  last: counters({ sentBytes: 1, tcpClosed: lastClosed }),
});

const shipped = (lastClosed: number, tcpFailures: TCPFailures) =>
  connection({ cookie: cookie(1), last: counters({ tcpClosed: lastClosed }), tcpFailures });

describe('agent designs', () => {
  it('are named and described as docs/semantics.md and `lingering variants` show them', () => {
    expect([prefix, postfix, encoderGate, failuresDelta].map((v) => [v.name, v.summary])).toEqual([
      ['prefix', 'after #47005, before #50823: failures ship every time the record ships'],
      [
        'postfix',
        '#50823: failures cleared on a re-report of an already-closed connection, windows_lingering_flows counted',
      ],
      ['encoder-gate', 'the encoder ships failures only with Last.TCPClosed > 0'],
      [
        'failures-delta',
        'failures get a per-cookie baseline like the counters and ship as a delta',
      ],
    ]);
    expect([closeRecord.name, closeRecord.summary]).toEqual([
      'close-record',
      'TCPClosed from FLOW_CLOSED only; failures only on the record that ships the close, summed when a tuple merges',
    ]);
  });

  it('keepFailures and encodeAsIs pass the failures through and count nothing', () => {
    expect(keepFailures(reReport(1, 0, RESET))).toEqual({ failures: RESET, suppressed: false });
    expect(encodeAsIs(shipped(0, RESET))).toBe(RESET);
  });
});

describe('prefix', () => {
  it('keeps the failures of every re-report and writes them as they are', () => {
    expect(prefix.reReport(reReport(1, 0, RESET))).toEqual({ failures: RESET, suppressed: false });
    expect(prefix.encodeFailures(shipped(0, RESET))).toEqual(RESET);
  });
});

describe('postfix', () => {
  it.each([
    [1, 0, RESET, { failures: {}, suppressed: true }],
    [0, 0, RESET, { failures: RESET, suppressed: false }],
    [1, 1, RESET, { failures: RESET, suppressed: false }],
    [0, 1, RESET, { failures: RESET, suppressed: false }],
    [1, 0, {}, { failures: {}, suppressed: false }],
    [2, 0, RESET, { failures: {}, suppressed: true }],
  ])(
    'baseline closed %i, delta closed %i, failures %o: %o',
    (baselineClosed, lastClosed, failures, decision) => {
      expect(postfix.reReport(reReport(baselineClosed, lastClosed, failures))).toEqual(decision);
    },
  );

  it('writes the failures it kept as they are', () => {
    expect(postfix.encodeFailures(shipped(0, RESET))).toEqual(RESET);
  });
});

describe('encoder-gate', () => {
  it('keeps the failures in the state and counts nothing', () => {
    expect(encoderGate.reReport(reReport(1, 0, RESET))).toEqual({
      failures: RESET,
      suppressed: false,
    });
  });

  it.each([
    [0, {}],
    [1, RESET],
    [2, RESET],
  ])('writes the failures only when Last.TCPClosed is above 0 (%i)', (lastClosed, written) => {
    expect(encoderGate.encodeFailures(shipped(lastClosed, RESET))).toEqual(written);
  });
});

describe('failures-delta', () => {
  it('ships only the failures added since the baseline, and counts nothing', () => {
    expect(failuresDelta.reReport(reReport(1, 0, RESET, RESET))).toEqual({
      failures: {},
      suppressed: false,
    });
    expect(failuresDelta.reReport(reReport(0, 1, RESET))).toEqual({
      failures: RESET,
      suppressed: false,
    });
    expect(failuresDelta.reReport(reReport(1, 0, { '104': 3 }, RESET))).toEqual({
      failures: { '104': 2 },
      suppressed: false,
    });
  });

  it('writes what it kept as it is', () => {
    expect(failuresDelta.encodeFailures(shipped(0, RESET))).toEqual(RESET);
  });
});

describe('close-record', () => {
  it('reads TCPClosed from FLOW_CLOSED alone, whatever the failures', () => {
    // Called as FlowToConnStat calls it, with the failures too.
    const readsClosed: NonNullable<AgentVariant['readsClosed']> = closeRecord.readsClosed;
    expect([readsClosed(false, RESET), readsClosed(true, {}), readsClosed(false, {})]).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('lets each merged record keep its failures only when it ships a close', () => {
    const records = [shipped(1, RESET), shipped(0, RESET), shipped(2, { '110': 1 })];
    expect(closeRecord.aggregateFailures(records)).toEqual([RESET, {}, { '110': 1 }]);
  });

  it('keeps the failures of a re-report and writes them as they are', () => {
    expect(closeRecord.reReport(reReport(1, 0, RESET))).toEqual({
      failures: RESET,
      suppressed: false,
    });
    expect(closeRecord.encodeFailures(shipped(0, RESET))).toEqual(RESET);
  });
});
