/**
 * A driver design's own per-flow memory: the named flags and counters it keeps beside the fields
 * every design shares (deferred-move's `pendingMove`, flow-lock's spin lock). A design declares
 * them with their initial values, in its file on each side (engine/driver/variants/,
 * model/variants/); every reader (state keys, projections, ITF, the pictures) walks the fields by
 * name, so a design with memory of its own needs no edit anywhere else.
 */

/** Each field's value (as a design declares it: each field's initial value). */
export type FlowMemory = Readonly<Record<string, boolean | number>>;

/** No memory: the designs that keep none. */
export const NO_MEMORY: FlowMemory = Object.freeze({});

/**
 * The fields of `memory` sorted by name: the fixed order keys and projections write them in.
 *
 * @example
 * memoryFields({ pendingMove: false, locked: true }) //=> ['locked', 'pendingMove']
 */
export const memoryFields = (memory: FlowMemory): readonly string[] => Object.keys(memory).sort();

/**
 * `memory` with its fields in name order (two memories with equal fields compare equal as JSON).
 *
 * @example
 * sortedMemory({ pendingMove: false, locked: true }) //=> { locked: true, pendingMove: false }
 */
export const sortedMemory = (memory: FlowMemory): FlowMemory =>
  Object.fromEntries(memoryFields(memory).map((k) => [k, memory[k] as boolean | number]));

/**
 * `flow` with memory field `field` set to `value` (a design's step writing its own memory).
 *
 * @example
 * withMemory(flow, 'pendingMove', true).memory.pendingMove //=> true
 */
export const withMemory = <F extends { readonly memory: FlowMemory }>(
  flow: F,
  field: string,
  value: boolean | number,
): F => ({ ...flow, memory: { ...flow.memory, [field]: value } });
