/**
 * Reads ITF back: a zod schema for the trace and its values (the checks an ITF consumer makes),
 * and a decoder from ITF values to plain JavaScript (`#bigint` → bigint, `#map` → Map, `#set` →
 * Set, `#tup` → array), so a round trip can be compared with the engine.
 */
import { z } from 'zod';
import type { ItfValue } from './itf.js';
import { itfValueIssue } from './itfValueIssue.js';

/** An ITF value, checked recursively (interchange/itfValueIssue.ts). */
export const ItfValueSchema: z.ZodType<ItfValue> = z.custom<ItfValue>().superRefine((v, ctx) => {
  const issue = itfValueIssue(v);
  if (issue !== null) ctx.addIssue({ code: 'custom', message: issue });
});

/** One state: `#meta` with its index, then ITF values. */
const ItfStateSchema = z
  .object({ '#meta': z.object({ index: z.number().int().min(0) }).loose() })
  .catchall(ItfValueSchema);

/** What is wrong with a state's variables `names` in a trace of `vars`, or null. */
function varsIssue(names: readonly string[], vars: readonly string[]): string | null {
  const missing = vars.filter((v) => !names.includes(v));
  const extra = names.filter((n) => !vars.includes(n));
  if (missing.length === 0 && extra.length === 0) return null;
  return `variables ${vars.join(', ')} exactly (missing ${missing.join(', ') || 'none'}, extra ${extra.join(', ') || 'none'})`;
}

const namesOf = (s: object): string[] => Object.keys(s).filter((k) => k !== '#meta');

/** An ITF trace: `#meta`, `vars`, `states` (each with `#meta.index` equal to its position). */
export const ItfTraceSchema = z
  .object({
    '#meta': z.record(z.string(), z.unknown()),
    params: z.array(z.string()).optional(),
    vars: z.array(z.string()).min(1),
    states: z.array(ItfStateSchema),
    loop: z.number().int().min(0).optional(),
  })
  .superRefine((t, ctx) => {
    t.states.forEach((s, i) => {
      if (s['#meta'].index !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['states', i, '#meta', 'index'],
          message: `index ${i}`,
        });
      const issue = varsIssue(namesOf(s), t.vars);
      if (issue !== null) ctx.addIssue({ code: 'custom', path: ['states', i], message: issue });
    });
  });

/**
 * The first thing `ItfTraceSchema` would find wrong with `state` as state `index` of a trace of
 * `vars`, or null: for checking a trace one state at a time.
 *
 * @example
 * itfStateIssue({ '#meta': { index: 1 } }, 0, ['x']) //=> 'index 0'
 */
export function itfStateIssue(
  state: unknown,
  index: number,
  vars: readonly string[],
): string | null {
  // By hand, not by ItfStateSchema: zod's object and catchall cost ten times the walk itself.
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return 'not an object';
  const { '#meta': meta, ...values } = state as Record<string, unknown>;
  const at = (meta as { index?: unknown } | undefined)?.index;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) return 'no #meta.index';
  for (const x of Object.values(values)) {
    const issue = itfValueIssue(x);
    if (issue !== null) return issue;
  }
  return at === index ? varsIssue(Object.keys(values), vars) : `index ${index}`;
}

/** A decoded value. */
export type Decoded =
  | boolean
  | string
  | number
  | bigint
  | Decoded[]
  | Set<Decoded>
  | Map<Decoded, Decoded>
  | { [field: string]: Decoded };

/**
 * Decodes one ITF value.
 *
 * @example
 * ofItf({ '#map': [[{ '#bigint': '1' }, { '#bigint': '5' }]] }) //=> Map { 1n => 5n }
 */
export function ofItf(v: ItfValue): Decoded {
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return (v as readonly ItfValue[]).map(ofItf);
  const o = v as Record<string, unknown>;
  if ('#bigint' in o) return BigInt(o['#bigint'] as string);
  if ('#tup' in o) return (o['#tup'] as ItfValue[]).map(ofItf);
  if ('#set' in o) return new Set((o['#set'] as ItfValue[]).map(ofItf));
  if ('#map' in o)
    return new Map((o['#map'] as [ItfValue, ItfValue][]).map(([k, x]) => [ofItf(k), ofItf(x)]));
  if ('#unserializable' in o) return o['#unserializable'] as string;
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, ofItf(x as ItfValue)]));
}
