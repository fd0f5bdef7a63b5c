/**
 * The Informal Trace Format (ITF) of Apalache and Quint, as data: a trace is `#meta`, `vars` and
 * `states`; a state is an object with `#meta` and one entry per variable. Values: booleans and
 * strings as JSON, integers as `{"#bigint": "…"}`, lists as arrays, records as objects, tuples
 * `{"#tup": […]}`, sets `{"#set": […]}`, maps `{"#map": [[k, v], …]}`, Quint variants
 * `{"tag": …, "value": …}` (apalache-mc ADR-015 `015adr-trace.md`; Quint `src/itf.ts`).
 */

/** An ITF value. */
export type ItfValue =
  | boolean
  | string
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
