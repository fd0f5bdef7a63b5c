/**
 * The agent's connections payload as system-probe's `/network_tracer/connections?client_id=ID`
 * endpoint writes it with `Accept: application/json`: the protobuf `Connections` message of
 * DataDog/agent-payload `proto/process/connections.proto`, encoded by gogo `jsonpb` with
 * `EmitDefaults: true` (datadog-agent `pkg/network/encoding/marshal/marshaler.go`, `json.go`).
 * Only the fields the audit reads are checked; every other field is accepted and ignored.
 *
 * Sources (DataDog/datadog-agent unless noted):
 * - `cmd/system-probe/modules/network_tracer.go`: the `/connections` handler calls
 *   `GetActiveConnections(client_id)` (one poll: `GetDelta` for that client) and marshals by the
 *   Accept header; `/debug/net_maps` returns the same message, but `pkg/network/tracer/
 *   tracer_windows.go` answers `ErrNotImplemented` for it on Windows, so `/connections` is the one.
 * - `pkg/network/encoding/marshal/format.go` `FormatConnection`: `pid`, `laddr`/`raddr`
 *   (`ip`, `port`), `family`, `type`, `direction`, `netNS`, `lastBytesSent = Last.SentBytes`,
 *   `lastBytesReceived = Last.RecvBytes`, `lastTcpEstablished`, `lastTcpClosed = Last.TCPClosed`,
 *   and `tcpFailuresByErrCode` written from `TCPFailures` only when the map is not empty.
 * - `pkg/network/encoding/unmarshal/json.go`: with `EmitDefaults` an empty map comes out as `{}`.
 * - proto3's JSON mapping: uint64 fields (`lastBytesSent`, `lastBytesReceived`) are decimal
 *   strings, map keys are strings, enums are their names (`v4`, `tcp`, `outgoing`).
 */
import { z } from 'zod';
import { errnoMap, int32, intIn, uint32, uint64 } from './counts.js';

/** `Addr`: the local or remote end. */
const AddrSchema = z.object({
  ip: z.string(),
  port: intIn(0, 65535),
});

const enumOrNumber = <T extends readonly [string, ...string[]]>(names: T) =>
  z.union([z.enum(names), int32]).optional();

/** One `Connection` of the payload (the fields the audit reads). */
export const ConnectionSchema = z.object({
  pid: int32.default(0),
  laddr: AddrSchema,
  raddr: AddrSchema,
  family: enumOrNumber(['v4', 'v6']),
  type: enumOrNumber(['tcp', 'udp']),
  direction: enumOrNumber(['unspecified', 'incoming', 'outgoing', 'local', 'none']),
  netNS: uint32.default(0),
  lastBytesSent: uint64.default(0),
  lastBytesReceived: uint64.default(0),
  lastTcpEstablished: uint32.default(0),
  lastTcpClosed: uint32.default(0),
  tcpFailuresByErrCode: errnoMap.nullable().default(null),
});

/** One payload: the connections one poll shipped. */
export const AgentPayloadSchema = z.object({
  conns: z.array(ConnectionSchema).nullable(),
});

/** A parsed connection. */
export type PayloadConnection = z.infer<typeof ConnectionSchema>;

/** A parsed payload. */
export type AgentPayload = z.infer<typeof AgentPayloadSchema>;

const enumName = (v: string | number | undefined, names: readonly string[]): string =>
  typeof v === 'number' ? (names[v] ?? String(v)) : (v ?? names[0] ?? '');

/**
 * The connection's identity in a recorded history: the tuple the agent aggregates by (Windows
 * cookies are not in the payload). Built with `join`, which makes one flat string: the audit
 * keeps one per connection, and a template literal would keep a tree of its pieces.
 *
 * @example
 * connectionKey(c) //=> 'tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443 outgoing ns 0'
 */
export function connectionKey(c: PayloadConnection, label = connectionLabel(c)): string {
  const direction = enumName(c.direction, ['unspecified', 'incoming', 'outgoing', 'local', 'none']);
  return [label, direction, 'ns', c.netNS].join(' ');
}

/**
 * The connection as people read it: the start of its key.
 *
 * @example
 * connectionLabel(c) //=> 'tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443'
 */
export function connectionLabel(c: PayloadConnection): string {
  const type = enumName(c.type, ['tcp', 'udp']);
  const family = enumName(c.family, ['v4', 'v6']);
  const { laddr, raddr } = c;
  return [
    type,
    family,
    'pid',
    c.pid,
    `${laddr.ip}:${laddr.port}`,
    '→',
    `${raddr.ip}:${raddr.port}`,
  ].join(' ');
}
