/**
 * The payload schema and a connection's identity (history/AgentPayload.ts): defaults for what
 * jsonpb may leave out, enums by name or number (connections.proto), and the key and label built
 * from the tuple (`type family pid laddr → raddr`, then direction and netNS).
 */
import { describe, expect, it } from 'vitest';
import type { PayloadConnection } from './AgentPayload.js';
import {
  AgentPayloadSchema,
  ConnectionSchema,
  connectionKey,
  connectionLabel,
} from './AgentPayload.js';

const ADDRS = { laddr: { ip: '10.0.0.5', port: 50001 }, raddr: { ip: '10.0.0.9', port: 443 } };

const conn = (extra: object = {}): PayloadConnection =>
  ConnectionSchema.parse({ ...ADDRS, ...extra });

describe('ConnectionSchema', () => {
  it('gives what jsonpb may leave out its default', () => {
    expect(conn()).toEqual({
      ...ADDRS,
      pid: 0,
      netNS: 0,
      lastBytesSent: 0,
      lastBytesReceived: 0,
      lastTcpEstablished: 0,
      lastTcpClosed: 0,
      tcpFailuresByErrCode: null,
    });
  });

  it('accepts enums by name or by number, and ignores other fields', () => {
    const c = conn({ family: 1, type: 'udp', direction: 'incoming', rtt: 5, tags: [] });
    expect([c.family, c.type, c.direction]).toEqual([1, 'udp', 'incoming']);
    expect('rtt' in c).toBe(false);
    expect(ConnectionSchema.safeParse({ ...ADDRS, family: 'v5' }).success).toBe(false);
  });

  it('refuses a port out of 0–65535', () => {
    expect(ConnectionSchema.safeParse({ ...ADDRS, laddr: { ip: 'a', port: 65535 } }).success).toBe(
      true,
    );
    expect(ConnectionSchema.safeParse({ ...ADDRS, laddr: { ip: 'a', port: 65536 } }).success).toBe(
      false,
    );
    expect(ConnectionSchema.safeParse({ ...ADDRS, raddr: { ip: 'a', port: -1 } }).success).toBe(
      false,
    );
  });

  it('accepts a payload with null conns, not one without', () => {
    expect(AgentPayloadSchema.parse({ conns: null, dns: {} })).toEqual({ conns: null });
    expect(AgentPayloadSchema.safeParse({}).success).toBe(false);
  });
});

describe('connectionKey and connectionLabel', () => {
  it('write the tuple, the label being the start of the key', () => {
    const c = conn({ pid: 4242, family: 'v4', type: 'tcp', direction: 'outgoing', netNS: 7 });
    expect(connectionLabel(c)).toBe('tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443');
    expect(connectionKey(c)).toBe('tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443 outgoing ns 7');
    expect(connectionKey(c, 'L')).toBe('L outgoing ns 7');
  });

  it('name enums given as numbers, as connections.proto numbers them', () => {
    const c = conn({ family: 1, type: 1, direction: 2 });
    expect(connectionKey(c)).toBe('udp v6 pid 0 10.0.0.5:50001 → 10.0.0.9:443 outgoing ns 0');
    expect(connectionKey(conn({ family: 0, type: 0, direction: 4 }))).toBe(
      'tcp v4 pid 0 10.0.0.5:50001 → 10.0.0.9:443 none ns 0',
    );
    expect(connectionKey(conn({ direction: 3 }))).toContain(' local ns 0');
    expect(connectionKey(conn({ direction: 1 }))).toContain(' incoming ns 0');
  });

  it.each(['unspecified', 'incoming', 'outgoing', 'local', 'none'])(
    'accept the direction %s by name, and write it as the number it stands for is written',
    (name) => {
      const number = ['unspecified', 'incoming', 'outgoing', 'local', 'none'].indexOf(name);
      expect(connectionKey(conn({ direction: name }))).toBe(
        connectionKey(conn({ direction: number })),
      );
      expect(connectionKey(conn({ direction: name }))).toContain(` ${name} ns 0`);
    },
  );

  it.each([
    ['family', ['v4', 'v6']],
    ['type', ['tcp', 'udp']],
  ])('accept each %s by name, as its number', (field, names) => {
    names.forEach((name, number) =>
      expect(connectionLabel(conn({ [field]: name }))).toBe(
        connectionLabel(conn({ [field]: number })),
      ),
    );
  });

  it('write an absent enum as its first value, and an unknown number as itself', () => {
    expect(connectionKey(conn())).toBe(
      'tcp v4 pid 0 10.0.0.5:50001 → 10.0.0.9:443 unspecified ns 0',
    );
    expect(connectionKey(conn({ family: 9, type: 5, direction: 7 }))).toBe(
      '5 9 pid 0 10.0.0.5:50001 → 10.0.0.9:443 7 ns 0',
    );
  });

  it('keep connections that differ in any part of the tuple apart', () => {
    const base = { pid: 1, family: 'v4', type: 'tcp', direction: 'outgoing', netNS: 0 };
    const variants = [
      base,
      { ...base, pid: 2 },
      { ...base, family: 'v6' },
      { ...base, type: 'udp' },
      { ...base, direction: 'incoming' },
      { ...base, netNS: 1 },
      { ...base, laddr: { ip: '10.0.0.5', port: 50002 } },
      { ...base, laddr: { ip: '10.0.0.6', port: 50001 } },
      { ...base, raddr: { ip: '10.0.0.9', port: 444 } },
      { ...base, raddr: { ip: '10.0.0.8', port: 443 } },
    ];
    const keys = variants.map((v) => connectionKey(conn(v)));
    expect(new Set(keys).size).toBe(variants.length);
  });
});
