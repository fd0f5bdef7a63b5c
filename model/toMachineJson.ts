/**
 * Writes a machine as plain JSON that xstate's `createMachine` loads: its states, initial states,
 * parallel regions, transitions with absolute targets, its initial context as data, and every
 * guard and action as `{ type, params }` by name, so that providing the designs' implementations
 * (machineJsonImplementations.ts) gives back the same machine. xstate's `and` guard, a function
 * rather than data, is written as the guard `and` with the guards it combines as parameters.
 *
 * Leaves out: nothing the model's transitions use (model/toMachineJson.test.ts explores both).
 */
import type { AnyStateMachine } from 'xstate';
import type { NodeTransition } from './stateNodeConfig.js';
import { stateNodeConfig } from './stateNodeConfig.js';

/** A guard or an action as data: a name and its parameters. */
export interface Named {
  readonly type: string;
  readonly params?: unknown;
}

/** A guard as data; throws on a kind the model does not use, rather than drop it. */
function guardJson(g: unknown): Named {
  if (typeof g === 'string') return { type: g };
  if (typeof g === 'function') {
    const inner = (g as { guards?: unknown[] }).guards;
    if (inner === undefined) throw new Error(`toMachineJson: an inline guard ${g.name}`);
    return { type: 'and', params: { guards: inner.map(guardJson) } };
  }
  if (typeof g === 'object' && g !== null && 'type' in g) {
    const { type, params } = g as Named;
    return params === undefined ? { type } : { type, params };
  }
  throw new Error(`toMachineJson: a guard of kind ${typeof g}`);
}

function actionJson(a: unknown): Named {
  if (typeof a === 'string') return { type: a };
  if (typeof a === 'object' && a !== null && 'type' in a) {
    const { type, params } = a as Named;
    return params === undefined ? { type } : { type, params };
  }
  throw new Error(`toMachineJson: an inline action ${String(a)}`);
}

function transitionJson(t: NodeTransition): Record<string, unknown> {
  return {
    ...(t.target === undefined || t.target.length === 0
      ? {}
      : { target: t.target.map((n) => `#${n.id}`) }),
    ...(t.guard === undefined ? {} : { guard: guardJson(t.guard) }),
    ...(t.actions.length === 0 ? {} : { actions: t.actions.map(actionJson) }),
  };
}

/**
 * The machine as data, with `context` as its initial context.
 *
 * @example
 * createMachine(toMachineJson(m.machine, context)).provide(machineJsonImplementations(m.machine))
 */
export function toMachineJson(machine: AnyStateMachine, context: unknown): Record<string, unknown> {
  return { ...stateNodeConfig(machine.root, { transition: transitionJson, ids: true }), context };
}
