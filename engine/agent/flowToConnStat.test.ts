/**
 * `FlowToConnStat`: the record the agent reads from a driver flow, afresh on every read.
 */
import { describe, expect, it } from 'vitest';
import { newFlow } from '../driver/flow.js';
import { flowId } from '../events.js';
import { cookie } from './ConnectionStats.js';
import { flowToConnStat, tupleNumber } from './flowToConnStat.js';
import { closeRecord } from './variants/close-record.js';
import { counters } from './statCounters.js';

const flow = newFlow(flowId(3), 4);

describe('flowToConnStat', () => {
  it('reads a live flow as established with its bytes, no failure and no close', () => {
    expect(flowToConnStat({ ...flow, sentBytes: 42 })).toEqual({
      cookie: 3,
      tuple: 'tuple-3',
      monotonic: counters({ sentBytes: 42, tcpEstablished: 1 }),
      last: counters(),
      tcpFailures: {},
      lastUpdateEpoch: 0,
    });
  });

  it("reads the flow's tuple, and the TCPClosed rule of the agent design", () => {
    expect(flowToConnStat({ ...flow, tuple: 1 }).tuple).toBe('tuple-1');
    expect(tupleNumber(flowToConnStat({ ...flow, tuple: 7 }))).toBe(7);
    expect(tupleNumber({ cookie: cookie(5), tuple: 't5' })).toBe(5);
    const reset = { ...flow, status: 'recvRst' as const };
    expect(flowToConnStat(reset, closeRecord).monotonic.tcpClosed).toBe(0);
    expect(flowToConnStat({ ...reset, flowClosed: true }, closeRecord).monotonic.tcpClosed).toBe(1);
  });

  it('reads a reset flow as closed with ECONNRESET, in whichever table it is', () => {
    const r = flowToConnStat({ ...flow, status: 'recvRst' });
    expect([r.tcpFailures, r.monotonic.tcpClosed]).toEqual([{ '104': 1 }, 1]);
  });

  it('reads a graceful close as closed only once FLOW_CLOSED is set', () => {
    expect(flowToConnStat({ ...flow, status: 'fin' }).monotonic.tcpClosed).toBe(0);
    expect(flowToConnStat({ ...flow, status: 'fin', flowClosed: true })).toMatchObject({
      monotonic: { tcpClosed: 1 },
      tcpFailures: {},
    });
  });

  it('takes the tuple number only from a whole tupleText, every digit of it', () => {
    const numberOf = (tuple: string) => tupleNumber({ cookie: cookie(5), tuple });
    expect([numberOf('tuple-12'), numberOf('my-tuple-3'), numberOf('tuple-3b')]).toEqual([
      12, 5, 5,
    ]);
  });
});
