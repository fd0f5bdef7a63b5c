/**
 * Reads ITF back: a zod schema for the trace and its values (the checks an ITF consumer makes),
 * and a decoder from ITF values to plain JavaScript (`#bigint` → bigint, `#map` → Map, `#set` →
 * Set, `#tup` → array), so a round trip can be compared with the engine.
 */
import { z } from 'zod';
import type { ItfValue } from './itf.js';

/** An ITF value, checked recursively. */
export const ItfValueSchema: z.ZodType<ItfValue> = z.lazy(() =>
  z.union([
    z.boolean(),
    z.string(),
    z.number().int(),
    z.array(ItfValueSchema),
    z.strictObject({ '#bigint': z.string().regex(/^-?\d+$/) }),
    z.strictObject({ '#tup': z.array(ItfValueSchema) }),
    z.strictObject({ '#set': z.array(ItfValueSchema) }),
    z.strictObject({ '#map': z.array(z.tuple([ItfValueSchema, ItfValueSchema])) }),
    z.strictObject({ '#unserializable': z.string() }),
    z.record(z.string().regex(/^[^#]/, 'a field name not starting with #'), ItfValueSchema),
  ]),
);

/** An ITF trace: `#meta`, `vars`, `states` (each with `#meta.index` equal to its position). */
export const ItfTraceSchema = z
  .object({
    '#meta': z.record(z.string(), z.unknown()),
    params: z.array(z.string()).optional(),
    vars: z.array(z.string()).min(1),
    states: z.array(
      z
        .object({ '#meta': z.object({ index: z.number().int().min(0) }).loose() })
        .catchall(ItfValueSchema),
    ),
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
      const names = Object.keys(s).filter((k) => k !== '#meta');
      const missing = t.vars.filter((v) => !names.includes(v));
      const extra = names.filter((n) => !t.vars.includes(n));
      if (missing.length > 0 || extra.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['states', i],
          message: `variables ${t.vars.join(', ')} exactly (missing ${missing.join(', ') || 'none'}, extra ${extra.join(', ') || 'none'})`,
        });
      }
    });
  });

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
