/**
 * Reading histories (history/parseHistory.ts, history/README.md "Accepted input"): each shape
 * (one payload, an array, JSON lines, a replay report) with its sources and poll numbers, files
 * joined in order, the records as the audit reads them, and every refusal as one TraceError
 * naming the file, the place in it and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { TraceError } from '../engine/errors/TraceError.js';
import {
  ACCEPTED,
  historyPolls,
  isPayload,
  jsonLine,
  MAX_POLLS,
  parseHistory,
  payloadPoll,
  pollsOfText,
} from './parseHistory.js';

const CONN = {
  pid: 4242,
  laddr: { ip: '10.0.0.5', port: 50001 },
  raddr: { ip: '10.0.0.9', port: 443 },
  family: 'v4',
  type: 'tcp',
  direction: 'outgoing',
};
const KEY = 'tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443 outgoing ns 0';
const LABEL = 'tcp v4 pid 4242 10.0.0.5:50001 → 10.0.0.9:443';

const payload = (...conns: object[]) =>
  JSON.stringify({ conns: conns.map((c) => ({ ...CONN, ...c })) });

/** The message of the TraceError `f` throws. */
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TraceError);
    return (e as TraceError).message;
  }
  throw new Error('not refused');
};

const parse = (text: string, file = 'h.json') => parseHistory([file], [text]);

describe('parseHistory: shapes', () => {
  it('reads one payload object as one poll, named by the file, for client 1', () => {
    const h = parse(`\n  ${payload({ lastTcpClosed: 1 })}\n`);
    expect(h.files).toEqual(['h.json']);
    expect(h.polls.map((p) => [p.poll, p.client, p.source, p.records.length])).toEqual([
      [1, '1', 'h.json', 1],
    ]);
  });

  it('reads a JSON array as one poll per payload, named by index', () => {
    const h = parse(`[${payload({})}, {"conns": null}, ${payload({}, { pid: 7 })}]`);
    expect(h.polls.map((p) => [p.poll, p.source, p.records.length])).toEqual([
      [1, 'h.json[0]', 1],
      [2, 'h.json[1]', 0],
      [3, 'h.json[2]', 2],
    ]);
  });

  it('reads JSON lines as one poll per non-blank line, named by line number', () => {
    const h = parse(`${payload({})}\n\n   \n${payload({ lastTcpClosed: 1 })}\n`, 'h.jsonl');
    expect(h.polls.map((p) => [p.poll, p.source, p.records[0]?.source])).toEqual([
      [1, 'h.jsonl:1', 'h.jsonl:1'],
      [2, 'h.jsonl:4', 'h.jsonl:4'],
    ]);
  });

  it('joins files in the order given, numbering polls on', () => {
    const h = parseHistory(['a.json', 'b.jsonl'], [payload({}), `${payload({})}\n${payload({})}`]);
    expect(h.files).toEqual(['a.json', 'b.jsonl']);
    expect(h.polls.map((p) => [p.poll, p.source])).toEqual([
      [1, 'a.json'],
      [2, 'b.jsonl:1'],
      [3, 'b.jsonl:2'],
    ]);
    expect(h.polls.flatMap((p) => p.records.map((r) => r.poll))).toEqual([1, 2, 3]);
  });

  it('numbers the polls of one text from the number it is given', () => {
    expect(pollsOfText('h.jsonl', `${payload()}\n${payload()}`, 5).map((p) => p.poll)).toEqual([
      5, 6,
    ]);
  });

  it('reads an object with "conns" as a payload even when it has "polls" too', () => {
    expect(parse('{"conns": [], "polls": 3}').polls).toHaveLength(1);
  });
});

describe('parseHistory: records of a payload', () => {
  it('keys a connection by its tuple, labelled by its start, with its counts', () => {
    const [r] = parse(
      payload({
        lastTcpClosed: 2,
        tcpFailuresByErrCode: { '104': 1, '110': 3 },
        lastBytesSent: '12',
        lastBytesReceived: 34,
      }),
    ).polls[0]!.records;
    expect(r).toEqual({
      poll: 1,
      client: '1',
      connection: KEY,
      label: LABEL,
      lastTcpClosed: 2,
      failures: { '104': 1, '110': 3 },
      failureCount: 4,
      lastBytesSent: 12,
      lastBytesReceived: 34,
      source: 'h.json',
    });
  });

  it('reads a null or absent failure map as no failure', () => {
    const records = parse(payload({ tcpFailuresByErrCode: null }, {})).polls[0]!.records;
    expect(records.map((r) => [r.failures, r.failureCount, r.lastTcpClosed])).toEqual([
      [{}, 0, 0],
      [{}, 0, 0],
    ]);
  });

  it('counts a wrapped counter as 0 and keeps it in `underflows`, only on its record', () => {
    const records = parse(
      payload(
        { lastBytesReceived: '18446744073709551615', lastBytesSent: '3' },
        { lastBytesSent: '4' },
      ),
    ).polls[0]!.records;
    expect(records.map((r) => [r.lastBytesSent, r.lastBytesReceived])).toEqual([
      [3, 0],
      [4, 0],
    ]);
    expect(records[0]?.underflows).toEqual([
      { field: 'lastBytesReceived', value: '18446744073709551615', difference: '-1' },
    ]);
    expect('underflows' in (records[1] ?? {})).toBe(false);
  });
});

describe('parseHistory: a replay report', () => {
  const record = (extra: object) => ({
    flow: 1,
    cookie: 9,
    lastTCPClosed: 1,
    tcpFailures: { '104': 2 },
    lastSentBytes: 5,
    lastRecvBytes: 6,
    ...extra,
  });
  const report = (records: object[][], client = 2) =>
    JSON.stringify({
      driver: 'original',
      agent: 'prefix',
      polls: records.map((r, i) => ({ poll: i + 1, client, records: r })),
    });

  it('keys each record by its tuple, with its flows, for its client', () => {
    const h = parse(report([[record({ tuple: 3, flows: [4, 3] })], []]), 'r.json');
    expect(h.polls.map((p) => [p.poll, p.client, p.source, p.records.length])).toEqual([
      [1, '2', 'r.json#polls[0]', 1],
      [2, '2', 'r.json#polls[1]', 0],
    ]);
    expect(h.polls[0]?.records[0]).toEqual({
      poll: 1,
      client: '2',
      connection: 'tuple 3',
      label: 'connection 3',
      flows: [4, 3],
      lastTcpClosed: 1,
      failures: { '104': 2 },
      failureCount: 2,
      lastBytesSent: 5,
      lastBytesReceived: 6,
      source: 'r.json#polls[0]',
    });
  });

  it('keys a record written before records had a tuple by its cookie, without flows', () => {
    const [r] = parse(report([[record({})]])).polls[0]!.records;
    expect([r?.connection, r?.label, 'flows' in (r ?? {})]).toEqual([
      'tuple 9',
      'connection 9',
      false,
    ]);
  });

  it('numbers the polls of a report from the number it is given', () => {
    const polls = historyPolls(
      [
        { poll: 1, client: 1, records: [] },
        { poll: 2, client: 3, records: [] },
      ],
      'r.json',
      4,
    );
    expect(polls.map((p) => [p.poll, p.client, p.source])).toEqual([
      [4, '1', 'r.json#polls[0]'],
      [5, '3', 'r.json#polls[1]'],
    ]);
  });

  it('refuses a failure key that is no errno, naming the poll and the record', () => {
    const text = report([
      [],
      [record({}), { ...record({}), tcpFailures: JSON.parse('{"__proto__": 1}') as object }],
    ]);
    expect(refusal(() => parse(text, 'r.json'))).toBe(
      'r.json: polls[1].records[1].tcpFailures: got the key "__proto__"; allowed: errno keys that are decimal integers from 0 to 4294967295',
    );
  });

  it('refuses a record out of its schema, naming the field', () => {
    expect(refusal(() => parse(report([[record({ lastRecvBytes: -1 })]]), 'r.json'))).toBe(
      'r.json: polls[0].records[0].lastRecvBytes: got -1; allowed: at least 0',
    );
  });
});

describe('parseHistory: refusals', () => {
  it.each([
    ['an empty array', '[]', 'h.json: got an empty array; allowed: ' + ACCEPTED],
    ['a number', '7', `h.json: got 7; allowed: ${ACCEPTED}`],
    ['null', 'null', `h.json: got null; allowed: ${ACCEPTED}`],
    ['an object of neither shape', '{"foo":1}', `h.json: got {"foo":1}; allowed: ${ACCEPTED}`],
    [
      'an array of other things',
      `[${payload()}, [1]]`,
      'h.json[1]: got [1]; allowed: a payload object with "conns"',
    ],
    [
      'an array element out of the schema',
      `[{"conns":[]}, {"conns":7}]`,
      'h.json[1]: conns: got 7; allowed: a value of type array',
    ],
    [
      'a payload without conns',
      '{"conns": [{"pid": 1}]}',
      'h.json: conns[0].laddr: got nothing (the field is missing); allowed: a value of type object',
    ],
    ['an empty file', '', `h.json: got no payload; allowed: ${ACCEPTED}`],
    ['a blank file', ' \n\n \n', `h.json: got no payload; allowed: ${ACCEPTED}`],
    ['a line that is not JSON', '{"conns":[]}\n{"conns":\n', 'h.json:2: got invalid JSON ('],
    [
      'a line that is no payload',
      '{"conns":[]}\n[1]\n',
      'h.json:2: got [1]; allowed: a payload object with "conns" on each line',
    ],
    [
      'a line out of the schema',
      '{"conns":[]}\n{"conns":[{"pid":"x"}]}\n',
      'h.json:2: conns[0].pid: got "x"; allowed: a value of type number',
    ],
  ])('refuses %s in one line', (_, text, message) => {
    const m = refusal(() => parse(text));
    expect(m.startsWith(message)).toBe(true);
    expect(m).not.toContain('\n');
  });

  it.each([
    [
      'a connection that is null',
      '{"conns": [null]}',
      'h.json: conns[0]: got null; allowed: a value of type object',
    ],
    [
      'a poll that is null',
      '{"driver": "d", "agent": "a", "polls": [null]}',
      'h.json: polls[0]: got null; allowed: a value of type object',
    ],
    [
      'a record that is null',
      '{"driver": "d", "agent": "a", "polls": [{"poll": 1, "client": 1, "records": [7, null]}]}',
      'h.json: polls[0].records[0]: got 7; allowed: a value of type object',
    ],
  ])('refuses %s as a TraceError, not a crash', (_, text, message) => {
    expect(refusal(() => parse(text))).toBe(message);
  });

  it('gives the parser’s message for a line that is not JSON', () => {
    expect(refusal(() => parse('{"conns":[]}\n{"conns": \n'))).toBe(
      `h.json:2: got invalid JSON (Unexpected end of JSON input); allowed: ${ACCEPTED}`,
    );
  });

  it('refuses a failure key that is no errno before zod can drop it, naming the connection', () => {
    const text = `{"conns": [${JSON.stringify(CONN)}, ${JSON.stringify({ ...CONN, tcpFailuresByErrCode: JSON.parse('{"104": 1, "__proto__": 2}') as object })}]}`;
    expect(refusal(() => parse(text))).toBe(
      'h.json: conns[1].tcpFailuresByErrCode: got the key "__proto__"; allowed: errno keys that are decimal integers from 0 to 4294967295',
    );
  });

  it('refuses JSON nested deeper than 64 levels before parsing it', () => {
    const deep = `{"conns":[],"x":${'['.repeat(64)}${']'.repeat(64)}}`;
    expect(refusal(() => parse(deep))).toBe(
      'h.json: got JSON nested deeper than 64 levels; allowed: at most 64 levels of arrays and objects',
    );
    // 64 levels in all is allowed.
    expect(parse(`{"conns":[],"x":${'['.repeat(63)}${']'.repeat(63)}}`).polls).toHaveLength(1);
  });

  it(`refuses more than ${MAX_POLLS} payloads in one array, and reads up to that many`, () => {
    expect(refusal(() => parse(`[${'0,'.repeat(MAX_POLLS)}0]`))).toBe(
      'h.json: got 1000001 payloads; allowed: at most 1000000',
    );
    // Exactly that many is not refused for its length (here for its first element).
    expect(refusal(() => parse(`[${'0,'.repeat(MAX_POLLS - 1)}0]`))).toBe(
      'h.json[0]: got 0; allowed: a payload object with "conns"',
    );
  });

  it('gives a file without text as empty', () => {
    expect(refusal(() => parseHistory(['a.json', 'b.json'], [payload()]))).toBe(
      `b.json: got no payload; allowed: ${ACCEPTED}`,
    );
  });
});

describe('jsonLine, isPayload, payloadPoll', () => {
  it('gives the payload object of a line', () => {
    expect(jsonLine('h:3', '{"conns":[]}')).toEqual({ conns: [] });
  });

  it('names the first line of the parser’s message for a line that is not JSON', () => {
    const m = refusal(() => jsonLine('h:3', '{"conns": '));
    expect(m).toMatch(/^h:3: got invalid JSON \([^\n)]+\); allowed: a \/network_tracer/);
  });

  it.each([
    [{ conns: [] }, true],
    [{ polls: [] }, false],
    [[{ conns: [] }], false],
    [null, false],
    ['conns', false],
  ])('tells a payload object: %j is %s', (v, yes) => {
    expect(isPayload(v)).toBe(yes);
  });

  it('reads the poll of a payload object, numbered as told', () => {
    const p = payloadPoll({ conns: [CONN] }, 'h.jsonl:9', 4);
    expect([p.poll, p.client, p.source, p.records[0]?.connection]).toEqual([
      4,
      '1',
      'h.jsonl:9',
      KEY,
    ]);
    expect(refusal(() => payloadPoll({ conns: [{ ...CONN, netNS: -1 }] }, 'h.jsonl:9', 4))).toBe(
      'h.jsonl:9: conns[0].netNS: got -1; allowed: at least 0',
    );
  });
});
