/**
 * The `lingering-trace/v1` file (docs/formats.md#trace-files): a trace, or a counterexample (a
 * trace plus `violated`, `expect`, `found`, `seed`, `path`). Validated with zod; the TypeScript
 * types come from the schema. Any problem becomes one `TraceError` naming the field and the allowed
 * values.
 */
import { z } from 'zod';
import { TraceError } from './errors/TraceError.js';
import type { Event, EventJson } from './events.js';
import { EVENT_TYPES, eventToJson, MAX_CLIENT, MAX_FLOW } from './events.js';
import { jsonDepth, MAX_JSON_DEPTH } from './jsonDepth.js';
import type { Result } from './result.js';
import { err, ok } from './result.js';

/** The format tag. */
export const TRACE_FORMAT = 'lingering-trace/v1' as const;

/** Most events a file may hold. */
const MAX_EVENTS = 100_000;

/** Most layer associations per flow. */
export const MAX_LAYERS = 16;

// No transform to FlowId: the parsed event is cast to `Event` (parseEvent), and a transform has no
// JSON Schema for the reports that print events (docs/schemas/, scripts/schemas.ts).
const flow = z.number().int().min(1).max(MAX_FLOW);
const stepName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/);
const client = z.number().int().min(1).max(MAX_CLIENT);

const EVENT_SCHEMAS = {
  establish: z.strictObject({
    type: z.literal('establish'),
    flow,
    tuple: z.number().int().min(1).max(MAX_FLOW).optional(),
  }),
  traffic: z.strictObject({
    type: z.literal('traffic'),
    flow,
    bytes: z.number().int().min(1).max(1e12),
  }),
  calloutEnter: z.strictObject({ type: z.literal('calloutEnter'), flow }),
  calloutExit: z.strictObject({ type: z.literal('calloutExit'), flow, step: stepName.optional() }),
  reset: z.strictObject({ type: z.literal('reset'), flow }),
  fin: z.strictObject({ type: z.literal('fin'), flow }),
  flowDeleteNotify: z.strictObject({
    type: z.literal('flowDeleteNotify'),
    flow,
    step: stepName.optional(),
  }),
  poll: z.strictObject({
    type: z.literal('poll'),
    client: client.optional(),
    step: stepName.optional(),
    order: z.array(flow).min(1).max(MAX_FLOW).optional(),
  }),
  drain: z.strictObject({
    type: z.literal('drain'),
    step: stepName.optional(),
    flow: flow.optional(),
  }),
  clientRegister: z.strictObject({ type: z.literal('clientRegister'), client }),
  clientExpire: z.strictObject({ type: z.literal('clientExpire'), client }),
} as const;

const eventSchema = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
);

/** The file's schema (event bodies are checked per type afterwards, for clearer errors). */
export const TraceFileSchema = z.strictObject({
  format: z.literal(TRACE_FORMAT),
  driver: z.string(),
  agent: z.string(),
  layers: z.number().int().min(1).max(MAX_LAYERS).optional(),
  violated: z.string().optional(),
  expect: z.enum(['violates', 'holds']).optional(),
  found: z.iso.datetime().or(z.iso.date()).optional(),
  seed: z.number().int().optional(),
  path: z.string().optional(),
  events: z.array(eventSchema).max(MAX_EVENTS),
});

/**
 * The whole file with every event checked by its own type's schema: what
 * docs/schemas/lingering-trace-v1.schema.json is generated from (scripts/schemas.ts).
 * `parseTrace` checks the events one by one instead, so that an error names the event's fields.
 */
export const TraceDocumentSchema = TraceFileSchema.extend({
  events: z
    .array(
      z.discriminatedUnion('type', [
        EVENT_SCHEMAS.establish,
        EVENT_SCHEMAS.traffic,
        EVENT_SCHEMAS.calloutEnter,
        EVENT_SCHEMAS.calloutExit,
        EVENT_SCHEMAS.reset,
        EVENT_SCHEMAS.fin,
        EVENT_SCHEMAS.flowDeleteNotify,
        EVENT_SCHEMAS.poll,
        EVENT_SCHEMAS.drain,
        EVENT_SCHEMAS.clientRegister,
        EVENT_SCHEMAS.clientExpire,
      ]),
    )
    .max(MAX_EVENTS),
});

/**
 * One event as a report prints it (`eventToJson`): its type's schema, typed as what
 * `eventToJson` returns, for the `--json` report schemas (cli/reports/).
 */
export const EventJsonSchema = TraceDocumentSchema.shape.events.element as unknown as z.ZodType<
  EventJson,
  EventJson
>;

/** A parsed file: the schema's type with typed events and a default `layers`. */
export type Trace = Omit<z.infer<typeof TraceFileSchema>, 'events' | 'layers'> & {
  readonly layers: number;
  readonly events: readonly Event[];
};

/** The names a file's variant fields may take. */
export interface TraceNames {
  readonly drivers: readonly string[];
  readonly agents: readonly string[];
  readonly invariants: readonly string[];
}

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? String(k) : `${s}.${String(k)}`),
    '',
  ) || 'file';

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

function lookup(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** How far a bound lets a value go, lower for a tighter one: a smaller maximum, a larger minimum. */
const reach = (i: z.core.$ZodIssue): number =>
  i.code === 'too_big' ? Number(i.maximum) : i.code === 'too_small' ? -Number(i.minimum) : NaN;

/**
 * The issue to report: zod's first, except that a number past a field's own bound (above its
 * maximum or below its minimum) also breaks `.int()`'s safe-integer bound, reported first; the
 * field's bound is the tighter one, and the one a user needs.
 */
function tightest(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const first = issues[0] as z.core.$ZodIssue;
  const where = first.path.join('.');
  let best = first;
  for (const i of issues)
    if (i.path.join('.') === where && i.code === best.code && reach(i) < reach(best)) best = i;
  return best;
}

/** Turns zod's first issue (the tightest bound on its field) into a TraceError. */
function fromZod(
  error: z.ZodError,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): TraceError {
  const issue = tightest(error.issues);
  const path = [...prefix, ...issue.path];
  const got = lookup(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return new TraceError(
        pathText([...path, issue.keys[0] ?? '']),
        'an unknown field',
        'no extra fields (docs/formats.md#trace-files)',
      );
    case 'invalid_value':
      return new TraceError(
        pathText(path),
        show(got),
        issue.values.map((v) => String(v)),
      );
    case 'invalid_type':
      return new TraceError(
        pathText(path),
        got === undefined ? 'nothing (the field is missing)' : show(got),
        `a value of type ${issue.expected}`,
      );
    case 'too_small':
      return new TraceError(pathText(path), show(got), `at least ${String(issue.minimum)}`);
    case 'too_big':
      return new TraceError(
        pathText(path),
        Array.isArray(got) ? `${got.length} items` : show(got),
        `at most ${String(issue.maximum)}`,
      );
    default:
      return new TraceError(pathText(path), show(got), issue.message);
  }
}

function parseEvent(raw: Record<string, unknown>, index: number): Result<Event, TraceError> {
  const type = raw.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    return err(new TraceError(`events[${index}].type`, show(type), EVENT_TYPES));
  }
  const schema = EVENT_SCHEMAS[type as keyof typeof EVENT_SCHEMAS];
  const r = schema.safeParse(raw);
  return r.success ? ok(r.data as Event) : err(fromZod(r.error, raw, ['events', index]));
}

function checkName(
  field: string,
  got: string | undefined,
  allowed: readonly string[],
): TraceError | null {
  return got === undefined || allowed.includes(got)
    ? null
    : new TraceError(field, show(got), allowed);
}

/**
 * Parses and validates a trace or counterexample file.
 *
 * @example
 * parseTrace('{"format":"lingering-trace/v1","driver":"original","agent":"prefix","events":[]}', names)
 * //=> ok: { ..., layers: 4, events: [] }
 */
export function parseTrace(text: string, names: TraceNames): Result<Trace, TraceError> {
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    return err(
      new TraceError(
        'file',
        `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
        `at most ${MAX_JSON_DEPTH} levels of arrays and objects`,
      ),
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : 'unreadable';
    return err(new TraceError('file', `invalid JSON (${why})`, 'a lingering-trace/v1 JSON object'));
  }
  const file = TraceFileSchema.safeParse(json);
  if (!file.success) return err(fromZod(file.error, json));
  const events: Event[] = [];
  for (const [i, raw] of file.data.events.entries()) {
    const e = parseEvent(raw, i);
    if (!e.ok) return e;
    events.push(e.value);
  }
  const bad =
    checkName('driver', file.data.driver, names.drivers) ??
    checkName('agent', file.data.agent, names.agents) ??
    checkName('violated', file.data.violated, names.invariants);
  if (bad) return err(bad);
  const overflow = bytesOverflow(events);
  if (overflow) return err(overflow);
  return ok({ ...file.data, layers: file.data.layers ?? 4, events });
}

/**
 * The engine keeps byte counters as doubles, exact up to 2^53 − 1: a trace whose traffic adds up
 * past that would ship rounded counters (and a rounded delta of 0 reads as nothing shipped), so
 * it is refused at the event that crosses the limit.
 */
function bytesOverflow(events: readonly Event[]): TraceError | null {
  let total = 0;
  for (const [i, e] of events.entries()) {
    if (e.type !== 'traffic') continue;
    total += e.bytes;
    if (total > Number.MAX_SAFE_INTEGER)
      return new TraceError(
        `events[${i}].bytes`,
        `${e.bytes}, which brings the trace's traffic past 2^53 − 1 bytes`,
        `at most ${Number.MAX_SAFE_INTEGER} bytes of traffic in a trace, the exact range of the engine's counters`,
      );
  }
  return null;
}

/**
 * Writes a trace in the fixed form of docs/formats.md#trace-files: keys in the documented order,
 * 2-space indent, one event per line, a final newline, so that each diff line is one event.
 */
export function serializeTrace(t: Trace): string {
  const head: [string, unknown][] = [
    ['format', TRACE_FORMAT],
    ['driver', t.driver],
    ['agent', t.agent],
    ['layers', t.layers],
    ['violated', t.violated],
    ['expect', t.expect],
    ['found', t.found],
    ['seed', t.seed],
    ['path', t.path],
  ];
  const lines = head
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const events = t.events.map(
    (e, i) =>
      `    ${JSON.stringify(eventToJson(e))
        .replace(/,"/g, ', "')
        .replace(/":/g, '": ')
        .replace(/,(?=\d)/g, ', ')}${i < t.events.length - 1 ? ',' : ''}`,
  );
  return `{\n${lines.join('\n')}\n  "events": [\n${events.join('\n')}\n  ]\n}\n`;
}
