/**
 * Writes a machine as the `createMachine({...})` literal Stately Studio's *Import from code* takes:
 * its states, initial states, parallel regions, transitions with absolute targets, and guards and
 * actions by name (a guard built with `and` becomes the names joined with `&&`).
 *
 * Leaves out: the implementations (the designs' code stays in model/), context and guard
 * parameters other than the flow number.
 */
import type { AnyStateMachine } from 'xstate';
import type { NodeTransition } from './stateNodeConfig.js';
import { stateNodeConfig } from './stateNodeConfig.js';

function guardText(g: unknown): string | null {
  if (g === undefined || g === null) return null;
  if (typeof g === 'string') return g;
  if (typeof g === 'function') {
    const inner = (g as { guards?: unknown[] }).guards;
    return inner === undefined ? g.name : inner.map(guardText).filter(Boolean).join(' && ');
  }
  if (typeof g === 'object' && 'type' in g) {
    const { type, params } = g as { type: string; params?: { flow?: number } };
    return params?.flow === undefined ? type : `${type}(${params.flow})`;
  }
  return null;
}

const actionName = (a: unknown): string | null =>
  typeof a === 'string'
    ? a
    : typeof a === 'object' && a !== null && 'type' in a
      ? String(a.type)
      : null;

function transition(t: NodeTransition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const targets = (t.target ?? []).map((n) => `#${n.id}`);
  if (targets.length > 0) out.target = targets.length === 1 ? targets[0] : targets;
  const guard = guardText(t.guard);
  if (guard !== null) out.guard = guard;
  const actions = t.actions.map(actionName).filter((a): a is string => a !== null);
  if (actions.length > 0) out.actions = actions.length === 1 ? actions[0] : actions;
  return out;
}

/**
 * The importable code.
 *
 * @example
 * toStatelyCode(flowMachine).startsWith("import { createMachine } from 'xstate';") //=> true
 */
export function toStatelyCode(machine: AnyStateMachine): string {
  const root = stateNodeConfig(machine.root, { transition, ids: false });
  const body = JSON.stringify({ id: machine.id, ...root }, null, 2);
  return `import { createMachine } from 'xstate';\n\nexport const machine = createMachine(${body});\n`;
}
