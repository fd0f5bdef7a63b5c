/**
 * What keeps a JSON value from being an ITF value (apalache-mc ADR-015 `015adr-trace.md`):
 * booleans, strings and integers as JSON, lists as arrays, `{"#bigint": "-?digits"}`, `{"#tup": […]}`,
 * `{"#set": […]}`, `{"#map": [[k, v], …]}`, `{"#unserializable": "…"}`, and records whose field
 * names do not start with `#`. A plain walk, not a union of schemas tried in turn: `export` checks
 * every value of every state, and a union costs about ten times as much.
 */

const BIGINT = /^-?\d+$/;

type Walk = (v: unknown, at: string) => string | null;

/** The first element of `items` that is not an ITF value (an array's or a `#tup`'s, a `#set`'s). */
const firstIn = (items: readonly unknown[], at: string, walk: Walk): string | null => {
  for (const [i, x] of items.entries()) {
    const issue = walk(x, `${at}[${i}]`);
    if (issue !== null) return issue;
  }
  return null;
};

const mapIssue = (entries: unknown, at: string, walk: Walk): string | null => {
  if (!Array.isArray(entries)) return `${at}: #map takes an array of [key, value] pairs`;
  for (const [i, kv] of entries.entries()) {
    if (!Array.isArray(kv) || kv.length !== 2) return `${at}[${i}]: not a [key, value] pair`;
    const issue = walk(kv[0], `${at}[${i}][0]`) ?? walk(kv[1], `${at}[${i}][1]`);
    if (issue !== null) return issue;
  }
  return null;
};

/** A one-field object tagged `#…`. */
function taggedIssue(tag: string, x: unknown, at: string, walk: Walk): string | null {
  const here = `${at}.${tag}`;
  if (tag === '#bigint')
    return typeof x === 'string' && BIGINT.test(x) ? null : `${here}: not an integer's digits`;
  if (tag === '#unserializable') return typeof x === 'string' ? null : `${here}: not a string`;
  if (tag === '#map') return mapIssue(x, here, walk);
  if (tag !== '#tup' && tag !== '#set') return `${at}: unknown tag ${tag}`;
  return Array.isArray(x) ? firstIn(x, here, walk) : `${here}: not an array`;
}

const objectIssue = (o: object, at: string, walk: Walk): string | null => {
  const entries = Object.entries(o);
  const [first] = entries;
  if (first !== undefined && first[0].startsWith('#'))
    return entries.length === 1
      ? taggedIssue(first[0], first[1], at, walk)
      : `${at}: a #-tagged value has one field`;
  for (const [k, x] of entries) {
    if (k.startsWith('#')) return `${at}.${k}: a field name not starting with #`;
    const issue = walk(x, `${at}.${k}`);
    if (issue !== null) return issue;
  }
  return null;
};

/**
 * Where and why `v` is not an ITF value, or null if it is one.
 *
 * @example
 * itfValueIssue({ x: { '#bigint': '1.5' } }) //=> "value.x.#bigint: not an integer's digits"
 */
export function itfValueIssue(v: unknown, at = 'value'): string | null {
  if (typeof v === 'boolean' || typeof v === 'string') return null;
  if (typeof v === 'number') return Number.isInteger(v) ? null : `${at}: not an integer`;
  if (Array.isArray(v)) return firstIn(v, at, itfValueIssue);
  if (typeof v === 'object' && v !== null) return objectIssue(v, at, itfValueIssue);
  return `${at}: not an ITF value`;
}
