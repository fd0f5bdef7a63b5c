/**
 * The synthetic history (history/bigHistory.ts): one payload line per `perPayload` connections
 * and one more for the last re-reports; each connection from its own local address; every 4th
 * closes, every 12th fails with ECONNRESET, and every `lingerEvery`-th closes with a failure and
 * ships again in the next payload with ETIMEDOUT and no close.
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bigHistoryLines } from './bigHistory.js';

const SEED = 20261130;

interface Conn {
  laddr: { ip: string; port: number };
  lastTcpClosed: number;
  tcpFailuresByErrCode: Record<string, number>;
  lastBytesSent: string;
  lastBytesReceived: string;
}

const payloads = (n: number, perPayload: number, lingerEvery: number): Conn[][] =>
  [...bigHistoryLines(n, { perPayload, lingerEvery })].map(
    (l) => (JSON.parse(l) as { conns: Conn[] }).conns,
  );

const address = (c: Conn) => `${c.laddr.ip}:${c.laddr.port}`;

describe('bigHistoryLines', () => {
  it('writes connection i from 10.x.y.z, its port 1024 + i mod 60000', () => {
    const [first] = payloads(3, 10, 1000);
    expect(first?.map(address)).toEqual(['10.0.0.0:1024', '10.0.0.1:1025', '10.0.0.2:1026']);
    const c = first?.[1];
    expect([c?.lastBytesSent, c?.lastBytesReceived]).toEqual(['101', '201']);
  });

  it('writes every field of a connection, to 10.0.0.9:443 from pid 4242', () => {
    // Act
    const [line] = [...bigHistoryLines(1, { perPayload: 10, lingerEvery: 1000 })];
    // Assert: connection 0 closes with one ECONNRESET.
    expect(JSON.parse(line ?? '{}')).toEqual({
      conns: [
        {
          pid: 4242,
          laddr: { ip: '10.0.0.0', port: 1024 },
          raddr: { ip: '10.0.0.9', port: 443 },
          family: 'v4',
          type: 'tcp',
          direction: 'outgoing',
          netNS: 0,
          lastBytesSent: '100',
          lastBytesReceived: '200',
          lastTcpEstablished: 0,
          lastTcpClosed: 1,
          tcpFailuresByErrCode: { '104': 1 },
        },
      ],
    });
  });

  it('spreads the address over the bytes of i', () => {
    // One connection per payload: line i is connection i.
    const wanted = new Set([258, 60_001, 65_537]);
    const found: string[] = [];
    let i = 0;
    for (const line of bigHistoryLines(65_538, { perPayload: 1, lingerEvery: 1_000_000 })) {
      if (wanted.has(i)) found.push(address((JSON.parse(line) as { conns: Conn[] }).conns[0]!));
      i++;
    }
    expect(found).toEqual(['10.0.1.2:1282', '10.0.234.97:1025', '10.1.0.1:6561']);
  });

  it('closes every 4th, fails every 12th, and re-reports every lingerEvery-th in the next payload', () => {
    const p = payloads(14, 5, 10);
    const shipped = p.map((conns) =>
      conns.map((c) => [c.laddr.port - 1024, c.lastTcpClosed, c.tcpFailuresByErrCode]),
    );
    // 14 connections, 5 per payload: 3 payloads, and one more for the last re-report. Each
    // re-report (110, no close) opens the payload after the one that closed the connection.
    expect(shipped).toEqual([
      [
        [0, 1, { '104': 1 }],
        [1, 0, {}],
        [2, 0, {}],
        [3, 0, {}],
        [4, 1, {}],
      ],
      [
        [0, 0, { '110': 1 }],
        [5, 0, {}],
        [6, 0, {}],
        [7, 0, {}],
        [8, 1, {}],
        [9, 0, {}],
      ],
      [
        [10, 1, { '104': 1 }],
        [11, 0, {}],
        [12, 1, { '104': 1 }],
        [13, 0, {}],
      ],
      [[10, 0, { '110': 1 }]],
    ]);
  });

  it.prop(
    [
      fc.integer({ min: 1, max: 200 }),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 60 }),
    ],
    { seed: SEED, numRuns: 50 },
  )(
    'ships each connection once, and each lingering one again in the next payload only',
    (n, per, every) => {
      const p = payloads(n, per, every);
      expect(p).toHaveLength(Math.ceil(n / per) + 1);
      const firsts = p.flatMap((conns, k) =>
        conns
          .filter((c) => c.lastTcpClosed > 0 || !('110' in c.tcpFailuresByErrCode))
          .map((c) => [c.laddr.port - 1024, k]),
      );
      expect(firsts.map(([i]) => i)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (const [i, k] of firsts) expect(k).toBe(Math.floor((i as number) / per));
      const again = p.flatMap((conns, k) =>
        conns.filter((c) => '110' in c.tcpFailuresByErrCode).map((c) => [c.laddr.port - 1024, k]),
      );
      expect(again).toEqual(
        Array.from({ length: n }, (_, i) => i)
          .filter((i) => i % every === 0)
          .map((i) => [i, Math.floor(i / per) + 1]),
      );
    },
  );
});
