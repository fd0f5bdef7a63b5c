/**
 * Whether an ITF value has an Apalache type, as Apalache's ITF reader decides when it reads a
 * trace by its `#meta.varTypes` (apalache-mc ADR-015 "ITF as input to Apalache"): `Int` is
 * `{"#bigint": "digits"}` only (no plain JSON number), `Str` a string, `Bool` a boolean, `Set(T)`
 * a `#set` of T, `Seq(T)` an array of T, `A -> B` a `#map` of [A, B] pairs, a tuple a `#tup` of
 * its length, a record an object with exactly its fields, a variant `{tag, value}` with a
 * declared tag and that tag's payload. `UNIT` is Quint's unit, the empty tuple, or Apalache's
 * `"U_OF_UNIT"`; another constant `NAME` is a string `"…_OF_NAME"`.
 */
import type { ApalacheType } from './parseApalacheType.js';
import { parseApalacheType } from './parseApalacheType.js';

const BIGINT = /^-?\d+$/;

type Obj = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The one `#`-tagged field of `v`, if `v` is an object of that one field. */
const tagged = (v: unknown, tag: string): unknown =>
  isObject(v) && Object.keys(v).length === 1 ? v[tag] : undefined;

// Each part returns the issue from where it stands and its caller puts its own step in front.
function itemsIssue(items: readonly unknown[], elem: ApalacheType): string | null {
  for (let i = 0; i < items.length; i++) {
    const issue = walk(items[i], elem);
    if (issue !== null) return `[${i}]${issue}`;
  }
  return null;
}

function mapIssue(v: unknown, from: ApalacheType, to: ApalacheType): string | null {
  const entries = tagged(v, '#map');
  if (!Array.isArray(entries)) return ': not a #map';
  for (let i = 0; i < entries.length; i++) {
    const kv: unknown = entries[i];
    if (!Array.isArray(kv) || kv.length !== 2) return `.#map[${i}]: not a [key, value] pair`;
    const k = walk(kv[0], from);
    if (k !== null) return `.#map[${i}][0]${k}`;
    const x = walk(kv[1], to);
    if (x !== null) return `.#map[${i}][1]${x}`;
  }
  return null;
}

function recordIssue(v: unknown, fields: ReadonlyMap<string, ApalacheType>): string | null {
  if (!isObject(v)) return ': not a record';
  const keys = Object.keys(v);
  const extra = keys.filter((k) => !fields.has(k));
  const missing = [...fields.keys()].filter((k) => !(k in v));
  if (extra.length > 0 || missing.length > 0)
    return `: not the record's fields (missing ${missing.join(', ') || 'none'}, extra ${extra.join(', ') || 'none'})`;
  for (const [k, t] of fields) {
    const issue = walk(v[k], t);
    if (issue !== null) return `.${k}${issue}`;
  }
  return null;
}

function variantIssue(v: unknown, options: ReadonlyMap<string, ApalacheType>): string | null {
  if (!isObject(v) || Object.keys(v).length !== 2 || !('tag' in v) || !('value' in v))
    return ': not a variant {tag, value}';
  const payload = typeof v.tag === 'string' ? options.get(v.tag) : undefined;
  if (payload === undefined) return `.tag: not one of ${[...options.keys()].join(', ')}`;
  const issue = walk(v.value, payload);
  return issue === null ? null : `.value${issue}`;
}

function constIssue(v: unknown, name: string): string | null {
  const emptyTuple = tagged(v, '#tup');
  if (name === 'UNIT' && Array.isArray(emptyTuple) && emptyTuple.length === 0) return null;
  return typeof v === 'string' && v.endsWith(`_OF_${name}`) ? null : `: not a ${name}`;
}

function walk(v: unknown, t: ApalacheType): string | null {
  switch (t.kind) {
    case 'Int': {
      const digits = tagged(v, '#bigint');
      return typeof digits === 'string' && BIGINT.test(digits) ? null : ': not a #bigint';
    }
    case 'Str':
    case 'Bool':
      return typeof v === (t.kind === 'Str' ? 'string' : 'boolean') ? null : `: not a ${t.kind}`;
    case 'Set': {
      const items = tagged(v, '#set');
      if (!Array.isArray(items)) return ': not a #set';
      const issue = itemsIssue(items, t.elem);
      return issue === null ? null : `.#set${issue}`;
    }
    case 'Seq':
      return Array.isArray(v) ? itemsIssue(v, t.elem) : ': not a list';
    case 'Fun':
      return mapIssue(v, t.from, t.to);
    case 'Tup': {
      const items = tagged(v, '#tup');
      if (!Array.isArray(items) || items.length !== t.items.length)
        return `: not a #tup of ${t.items.length}`;
      for (let i = 0; i < items.length; i++) {
        const issue = walk(items[i], t.items[i] as ApalacheType);
        if (issue !== null) return `.#tup[${i}]${issue}`;
      }
      return null;
    }
    case 'Rec':
      return recordIssue(v, t.fields);
    case 'Variant':
      return variantIssue(v, t.options);
    case 'Const':
      return constIssue(v, t.name);
  }
}

/**
 * Where and why `value` does not have `type` (a type string, or one parsed), or null if it does;
 * throws if the type string does not parse.
 *
 * @example
 * typeIssue({ '#set': [3] }, 'Set(Int)') //=> 'value.#set[0]: not a #bigint'
 */
export function typeIssue(value: unknown, type: string | ApalacheType): string | null {
  const issue = walk(value, typeof type === 'string' ? parseApalacheType(type) : type);
  return issue === null ? null : `value${issue}`;
}

/**
 * Whether `value` has `type`.
 *
 * @example
 * conformsTo({ tag: 'Some', value: { '#bigint': '1' } }, 'Some(Int) | None(UNIT)') //=> true
 */
export const conformsTo = (value: unknown, type: string | ApalacheType): boolean =>
  typeIssue(value, type) === null;
