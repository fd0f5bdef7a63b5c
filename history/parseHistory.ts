/**
 * Reads recorded histories: one or more files, each holding agent payloads (one JSON object per
 * poll, a JSON array of them, or JSON lines, one per poll) or one replay report (docs/formats.md).
 * Files are joined in the order given, so `poll-1.json poll-2.json …` is one history. Every problem
 * is one `TraceError` naming the file, the place in it and what was expected.
 */
import { TraceError } from '../engine/errors/TraceError.js';
import { jsonDepth, MAX_JSON_DEPTH } from '../engine/jsonDepth.js';
import type { AgentPayload } from './AgentPayload.js';
import { AgentPayloadSchema, connectionKey, connectionLabel } from './AgentPayload.js';
import type { History, HistoryPoll, HistoryRecord } from './History.js';
import { failureCount } from './History.js';
import type { ReplayReportInput } from './ReplayReportInput.js';
import { ReplayReportInputSchema } from './ReplayReportInput.js';
import { badErrnoKey, ERRNO_KEYS } from './counts.js';
import { counted, underflowsOf } from './Underflow.js';
import { problem, show } from './zodProblem.js';

/** What an input may be, for error messages. */
export const ACCEPTED =
  'a /network_tracer/connections payload ({"conns": [...]}), an array or JSON lines of them, or a `lingering replay --json` report';

/** Most payloads one file may hold. */
export const MAX_POLLS = 1_000_000;

/** One file's payloads or report, before poll numbering. */
type Parsed =
  | { readonly payloads: readonly { payload: AgentPayload; source: string }[] }
  | { readonly report: ReplayReportInput };

/** Refuses a failure map with a key that is no errno, at `where` (zod would drop `__proto__`). */
function refuseErrnoKeys(map: unknown, where: string): void {
  const key = badErrnoKey(map);
  if (key !== undefined) throw new TraceError(where, `the key ${show(key)}`, ERRNO_KEYS);
}

/** `v[field]` when it is an array (a primitive has no such field), else none. */
const entries = (v: unknown, field: string): unknown[] => {
  const list = (v as Record<string, unknown> | null | undefined)?.[field];
  return Array.isArray(list) ? list : [];
};

function parsePayload(value: unknown, source: string): { payload: AgentPayload; source: string } {
  entries(value, 'conns').forEach((c, i) =>
    refuseErrnoKeys(
      (c as { tcpFailuresByErrCode?: unknown } | null)?.tcpFailuresByErrCode,
      `${source}: conns[${i}].tcpFailuresByErrCode`,
    ),
  );
  const r = AgentPayloadSchema.safeParse(value);
  if (!r.success) throw problem(source, r.error, value);
  return { payload: r.data, source };
}

/** An array is no payload or report: it has neither key (nor has its prototype). */
function classify(value: unknown): 'payload' | 'report' | null {
  if (value === null || typeof value !== 'object') return null;
  if ('conns' in value) return 'payload';
  if ('polls' in value) return 'report';
  return null;
}

/** Parses one file's text (named `file` in messages). */
function parseFile(file: string, text: string): Parsed {
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new TraceError(
      file,
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      `at most ${MAX_JSON_DEPTH} levels of arrays and objects`,
    );
  let json: unknown;
  let whole = true;
  try {
    json = JSON.parse(text);
  } catch {
    whole = false;
  }
  if (whole) {
    if (Array.isArray(json)) {
      if (json.length === 0) throw new TraceError(file, 'an empty array', ACCEPTED);
      if (json.length > MAX_POLLS)
        throw new TraceError(file, `${json.length} payloads`, `at most ${MAX_POLLS}`);
      return {
        payloads: json.map((v, i) => {
          if (classify(v) !== 'payload')
            throw new TraceError(`${file}[${i}]`, show(v), 'a payload object with "conns"');
          return parsePayload(v, `${file}[${i}]`);
        }),
      };
    }
    const kind = classify(json);
    if (kind === 'payload') return { payloads: [parsePayload(json, file)] };
    if (kind === 'report') {
      entries(json, 'polls').forEach((p, i) =>
        entries(p, 'records').forEach((r, j) =>
          refuseErrnoKeys(
            (r as { tcpFailures?: unknown } | null)?.tcpFailures,
            `${file}: polls[${i}].records[${j}].tcpFailures`,
          ),
        ),
      );
      const r = ReplayReportInputSchema.safeParse(json);
      if (!r.success) throw problem(file, r.error, json);
      return { report: r.data };
    }
    throw new TraceError(file, show(json), ACCEPTED);
  }
  // JSON lines: one payload per non-empty line.
  const lines = text.split('\n');
  const payloads: { payload: AgentPayload; source: string }[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const source = `${file}:${i + 1}`;
    payloads.push(parsePayload(jsonLine(source, line), source));
  });
  if (payloads.length === 0) throw new TraceError(file, 'no payload', ACCEPTED);
  return { payloads };
}

/**
 * The payload object on one line of JSON lines (at `source`, `file:line`), not yet checked
 * against the schema; a TraceError when the line is not JSON or not a payload.
 */
export function jsonLine(source: string, line: string): unknown {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    // JSON.parse throws only a SyntaxError, whose message quotes at most the line: one line.
    throw new TraceError(source, `invalid JSON (${(e as SyntaxError).message})`, ACCEPTED);
  }
  if (classify(v) !== 'payload')
    throw new TraceError(source, show(v), 'a payload object with "conns" on each line');
  return v;
}

/** True when `v` is a payload object (has `conns`). */
export const isPayload = (v: unknown): boolean => classify(v) === 'payload';

/** The poll numbered `poll` that the payload object `value` (read at `source`) ships. */
export const payloadPoll = (value: unknown, source: string, poll: number): HistoryPoll =>
  fromPayload(parsePayload(value, source), poll);

const fromPayload = (
  { payload, source }: { payload: AgentPayload; source: string },
  poll: number,
): HistoryPoll => ({
  poll,
  client: '1',
  source,
  records: (payload.conns ?? []).map((c): HistoryRecord => {
    const failures = c.tcpFailuresByErrCode ?? {};
    const label = connectionLabel(c);
    const record: HistoryRecord = {
      poll,
      client: '1',
      connection: connectionKey(c, label),
      label,
      lastTcpClosed: c.lastTcpClosed,
      failures,
      failureCount: failureCount(failures),
      lastBytesSent: counted(c.lastBytesSent),
      lastBytesReceived: counted(c.lastBytesReceived),
      source,
    };
    // Only a record with a wrapped counter gets the field: the others keep their shape and JSON.
    const underflows = underflowsOf(c);
    return underflows === null ? record : { ...record, underflows };
  }),
});

/** A poll of a replay report, read-only, as `pollsOf` returns it too. */
export interface ReportPollLike {
  readonly poll: number;
  readonly client: number;
  readonly records: readonly {
    readonly cookie: number;
    /** The backend's key (absent in a report written before records had one: the cookie's). */
    readonly tuple?: number | undefined;
    readonly flows?: readonly number[] | undefined;
    readonly lastTCPClosed: number;
    readonly tcpFailures: Readonly<Record<string, number>>;
    readonly lastSentBytes: number;
    readonly lastRecvBytes: number;
  }[];
}

/**
 * The polls of a replay report (or of `pollsOf` on an engine run) as history polls numbered from
 * `first`; the connection is the record's tuple, as the backend keys it (docs/environment.md:
 * two flows of one tuple are one connection).
 */
export const historyPolls = (
  polls: readonly ReportPollLike[],
  file: string,
  first = 1,
): HistoryPoll[] =>
  polls.map((p, i) => {
    const poll = first + i;
    const client = String(p.client);
    const source = `${file}#polls[${i}]`;
    return {
      poll,
      client,
      source,
      records: p.records.map((r): HistoryRecord => {
        const tuple = r.tuple ?? r.cookie;
        return {
          poll,
          client,
          connection: `tuple ${tuple}`,
          label: `connection ${tuple}`,
          ...(r.flows === undefined ? {} : { flows: r.flows }),
          lastTcpClosed: r.lastTCPClosed,
          failures: r.tcpFailures,
          failureCount: failureCount(r.tcpFailures),
          lastBytesSent: r.lastSentBytes,
          lastBytesReceived: r.lastRecvBytes,
          source,
        };
      }),
    };
  });

/** The polls of one whole file's `text`, numbered from `first`. */
export function pollsOfText(file: string, text: string, first: number): HistoryPoll[] {
  const parsed = parseFile(file, text);
  return 'report' in parsed
    ? historyPolls(parsed.report.polls, file, first)
    : parsed.payloads.map((p, i) => fromPayload(p, first + i));
}

/**
 * The history the files hold, in order; `texts[i]` is the content of `files[i]`.
 *
 * @example
 * parseHistory(['a.jsonl'], ['{"conns":[]}\n{"conns":[]}\n']).polls.length //=> 2
 */
export function parseHistory(files: readonly string[], texts: readonly string[]): History {
  const polls: HistoryPoll[] = [];
  files.forEach((file, i) => {
    for (const p of pollsOfText(file, texts[i] ?? '', polls.length + 1)) polls.push(p);
  });
  return { files, polls };
}
