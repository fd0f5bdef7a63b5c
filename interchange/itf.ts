/**
 * The Informal Trace Format (ITF) of Apalache and Quint, as data: a trace is `#meta`, `vars` and
 * `states`; a state is an object with `#meta` and one entry per variable. Values: booleans and
 * strings as JSON, integers as `{"#bigint": "…"}` (never a plain JSON number), lists as arrays, records as objects, tuples
 * `{"#tup": […]}`, sets `{"#set": […]}`, maps `{"#map": [[k, v], …]}`, Quint variants
 * `{"tag": …, "value": …}` (apalache-mc ADR-015 `015adr-trace.md`; Quint `src/itf.ts`).
 */

/** An ITF value. */
export type ItfValue =
  | boolean
  | string
  // Only so that a state's `#meta` (its index) fits the state's type: ITF refuses a plain number
  // in a value (interchange/itfValueIssue.ts), and `bigint` writes every integer.
  | number
  | readonly ItfValue[]
  | { readonly '#bigint': string }
  | { readonly '#tup': readonly ItfValue[] }
  | { readonly '#set': readonly ItfValue[] }
  | { readonly '#map': readonly (readonly [ItfValue, ItfValue])[] }
  | { readonly '#unserializable': string }
  | { readonly [field: string]: ItfValue };

/** One state: its `#meta` and one value per variable. */
export type ItfState = { readonly '#meta': Readonly<Record<string, unknown>> } & {
  readonly [name: string]: ItfValue;
};

/** A trace. */
export interface ItfTrace {
  readonly '#meta': Readonly<Record<string, unknown>>;
  readonly vars: readonly string[];
  readonly states: readonly ItfState[];
}

/** The format tag and description ITF files carry in `#meta`. */
export const ITF_META = {
  format: 'ITF',
  'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
} as const;

/**
 * An integer.
 *
 * @example
 * bigint(3) //=> { '#bigint': '3' }
 */
export const bigint = (n: number | bigint): ItfValue => ({ '#bigint': BigInt(n).toString() });

/** A map from `entries`. */
export const itfMap = (entries: readonly (readonly [ItfValue, ItfValue])[]): ItfValue => ({
  '#map': entries,
});

/** A set. */
export const itfSet = (items: readonly ItfValue[]): ItfValue => ({ '#set': items });

/** A tuple. */
const tuple = (items: readonly ItfValue[]): ItfValue => ({ '#tup': items });

/**
 * Quint's `Option`: `Some(v)` or `None`, as variants.
 *
 * @example
 * option(undefined) //=> { tag: 'None', value: { '#tup': [] } }
 */
export const option = (v: ItfValue | undefined): ItfValue =>
  v === undefined ? { tag: 'None', value: tuple([]) } : { tag: 'Some', value: v };

// Apalache type strings (Type System 1.2) for `#meta.varTypes`, which Apalache's ITF reader
// requires (apalache-mc ADR-015 "ITF as input to Apalache"); interchange/parseApalacheType.ts.

/**
 * The type of `option(v)` for a `v` of type `t`: a variant whose `None` carries the unit.
 *
 * @example
 * optionType('Int') //=> 'Some(Int) | None(UNIT)'
 */
export const optionType = (t: string): string => `Some(${t}) | None(UNIT)`;

/**
 * A record type from its fields' types, in their order.
 *
 * @example
 * recordType({ closes: 'Int', ok: 'Bool' }) //=> '{ closes: Int, ok: Bool }'
 */
export const recordType = (fields: Readonly<Record<string, string>>): string =>
  `{ ${Object.entries(fields)
    .map(([k, t]) => `${k}: ${t}`)
    .join(', ')} }`;
