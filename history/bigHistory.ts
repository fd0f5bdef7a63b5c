/**
 * A synthetic history of `n` connections as JSON lines, to measure the audit at scale
 * (scripts/bigHistory.ts, scripts/auditBench.ts): one payload per `perPayload` connections, each
 * connection shipped once from its own local address; every 4th ships its close, every 12th
 * with a failure (errno 104, ECONNRESET); every `lingerEvery`-th, closed with a failure, ships
 * again in the next payload with a failure (110, ETIMEDOUT) and no close, the lingering signature
 * (history/README.md), so it breaks FailuresWithinCloses and NoLingeringReReport.
 */

/** The shape of the history. */
export interface BigHistoryShape {
  readonly perPayload: number;
  readonly lingerEvery: number;
}

const SHAPE: BigHistoryShape = { perPayload: 10_000, lingerEvery: 50_000 };

/** Connection `i`'s local address: distinct for every i below 2^24. */
const local = (i: number) => ({
  ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  port: 1024 + (i % 60_000),
});

const connection = (i: number, closes: number, failures: Record<string, number>) =>
  JSON.stringify({
    pid: 4242,
    laddr: local(i),
    raddr: { ip: '10.0.0.9', port: 443 },
    family: 'v4',
    type: 'tcp',
    direction: 'outgoing',
    netNS: 0,
    lastBytesSent: String(100 + (i % 1000)),
    lastBytesReceived: String(200 + (i % 777)),
    lastTcpEstablished: 0,
    lastTcpClosed: closes,
    tcpFailuresByErrCode: failures,
  });

/** The connections of payload `k` and the re-reports of the payload before it. */
function payloadLine(n: number, k: number, s: BigHistoryShape): string {
  const parts: string[] = [];
  for (let i = (k - 1) * s.perPayload; i < Math.min(n, k * s.perPayload); i++)
    if (i >= 0 && i % s.lingerEvery === 0) parts.push(connection(i, 0, { '110': 1 }));
  for (let i = k * s.perPayload; i < Math.min(n, (k + 1) * s.perPayload); i++) {
    const lingers = i % s.lingerEvery === 0;
    const closes = i % 4 === 0 || lingers ? 1 : 0;
    parts.push(connection(i, closes, i % 12 === 0 || lingers ? { '104': 1 } : {}));
  }
  return `{"conns":[${parts.join(',')}]}`;
}

/**
 * The history's lines, one payload each (one more than `n / perPayload` for the last
 * re-reports).
 *
 * @example
 * [...bigHistoryLines(3, { perPayload: 2, lingerEvery: 2 })].length //=> 3
 */
export function* bigHistoryLines(n: number, shape: BigHistoryShape = SHAPE): Generator<string> {
  const payloads = Math.ceil(n / shape.perPayload);
  for (let k = 0; k <= payloads; k++) yield payloadLine(n, k, shape);
}
