/**
 * A trace's `#meta.varTypes` read as Apalache reads it (apalache-mc ADR-015 "ITF as input to
 * Apalache"): an object with exactly one type string per name in `vars`, each parsing as a type
 * (interchange/parseApalacheType.ts); then each state's values checked against those types.
 */
import { typeIssue } from './conformsTo.js';
import type { ApalacheType } from './parseApalacheType.js';
import { parseApalacheType } from './parseApalacheType.js';

/** The parsed types by variable, or what is wrong with them. */
export type VarTypes =
  | { readonly ok: true; readonly types: ReadonlyMap<string, ApalacheType> }
  | { readonly ok: false; readonly issue: string };

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parsed(name: string, type: unknown): ApalacheType | string {
  if (typeof type !== 'string') return `#meta.varTypes.${name}: not a string`;
  try {
    return parseApalacheType(type);
  } catch (e) {
    return `#meta.varTypes.${name}: ${(e as Error).message}`;
  }
}

/**
 * The types `meta.varTypes` gives the variables `vars`.
 *
 * @example
 * varTypesOf({ varTypes: { x: 'Int' } }, ['x']) //=> { ok: true, types: Map { 'x' => { kind: 'Int' } } }
 */
export function varTypesOf(meta: unknown, vars: readonly string[]): VarTypes {
  const given: unknown = isObject(meta) ? meta.varTypes : undefined;
  if (!isObject(given)) return { ok: false, issue: '#meta.varTypes: not an object' };
  const missing = vars.filter((v) => !(v in given));
  const extra = Object.keys(given).filter((k) => !vars.includes(k));
  if (missing.length > 0 || extra.length > 0)
    return {
      ok: false,
      issue: `#meta.varTypes: one type per variable (missing ${missing.join(', ') || 'none'}, extra ${extra.join(', ') || 'none'})`,
    };
  const types = new Map<string, ApalacheType>();
  for (const v of vars) {
    const t = parsed(v, given[v]);
    if (typeof t === 'string') return { ok: false, issue: t };
    types.set(v, t);
  }
  return { ok: true, types };
}

/**
 * The first variable of `state` whose value does not have its type, where and why, or null.
 *
 * @example
 * stateTypeIssue({ x: true }, new Map([['x', { kind: 'Int' }]])) //=> 'x: value: not a #bigint'
 */
export function stateTypeIssue(
  state: Readonly<Record<string, unknown>>,
  types: ReadonlyMap<string, ApalacheType>,
): string | null {
  for (const [name, t] of types) {
    const issue = typeIssue(state[name], t);
    if (issue !== null) return `${name}: ${issue}`;
  }
  return null;
}
