/**
 * What keeps a JSON value from being an ITF value (apalache-mc ADR-015 `015adr-trace.md`):
 * booleans and strings as JSON, lists as arrays, `{"#bigint": "-?digits"}`, `{"#tup": […]}`,
 * `{"#set": […]}`, `{"#map": [[k, v], …]}`, `{"#unserializable": "…"}`, and records whose field
 * names do not start with `#`. No plain JSON number: ITF has written every integer as `#bigint`
 * since its 2023 revision, and Apalache and Quint read them so (a number belongs in `#meta` only,
 * which is not a value). A plain walk, not a union of schemas tried in turn: `export` checks
 * every value of every state, and a union costs about ten times as much.
 */

const BIGINT = /^-?\d+$/;

// Each part returns the issue from where it stands (`[1]: not an ITF value`) and its caller puts its
// own step in front, so a path is built only for the one value that fails.
type Walk = (v: unknown) => string | null;

/** The first element of `items` that is not an ITF value (an array's, a `#tup`'s, a `#set`'s). */
const firstIn = (items: readonly unknown[], walk: Walk): string | null => {
  for (let i = 0; i < items.length; i++) {
    const issue = walk(items[i]);
    if (issue !== null) return `[${i}]${issue}`;
  }
  return null;
};

const mapIssue = (entries: unknown, walk: Walk): string | null => {
  if (!Array.isArray(entries)) return ': #map takes an array of [key, value] pairs';
  for (let i = 0; i < entries.length; i++) {
    const kv: unknown = entries[i];
    if (!Array.isArray(kv) || kv.length !== 2) return `[${i}]: not a [key, value] pair`;
    const k = walk(kv[0]);
    if (k !== null) return `[${i}][0]${k}`;
    const v = walk(kv[1]);
    if (v !== null) return `[${i}][1]${v}`;
  }
  return null;
};

/** A one-field object tagged `#…`. */
function taggedIssue(tag: string, x: unknown, walk: Walk): string | null {
  if (tag === '#bigint')
    return typeof x === 'string' && BIGINT.test(x) ? null : `.${tag}: not an integer's digits`;
  if (tag === '#unserializable') return typeof x === 'string' ? null : `.${tag}: not a string`;
  const inner =
    tag === '#map'
      ? mapIssue(x, walk)
      : tag !== '#tup' && tag !== '#set'
        ? null
        : Array.isArray(x)
          ? firstIn(x, walk)
          : ': not an array';
  if (tag !== '#map' && tag !== '#tup' && tag !== '#set') return `: unknown tag ${tag}`;
  return inner === null ? null : `.${tag}${inner}`;
}

const objectIssue = (o: object, walk: Walk): string | null => {
  const keys = Object.keys(o);
  const values = Object.values(o) as unknown[];
  if (keys[0]?.startsWith('#') === true)
    return keys.length === 1
      ? taggedIssue(keys[0], values[0], walk)
      : ': a #-tagged value has one field';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k.startsWith('#')) return `.${k}: a field name not starting with #`;
    const issue = walk(values[i]);
    if (issue !== null) return `.${k}${issue}`;
  }
  return null;
};

const walk: Walk = (v) => {
  if (typeof v === 'boolean' || typeof v === 'string') return null;
  if (typeof v === 'number') return ': a plain number (ITF writes integers as {"#bigint": "…"})';
  if (Array.isArray(v)) return firstIn(v, walk);
  if (typeof v === 'object' && v !== null) return objectIssue(v, walk);
  return ': not an ITF value';
};

/**
 * Where and why `v` is not an ITF value, or null if it is one.
 *
 * @example
 * itfValueIssue({ x: { '#bigint': '1.5' } }) //=> "value.x.#bigint: not an integer's digits"
 */
export function itfValueIssue(v: unknown): string | null {
  const issue = walk(v);
  return issue === null ? null : `value${issue}`;
}
