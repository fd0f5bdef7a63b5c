/**
 * What a machine loaded from toMachineJson.ts needs provided: the machine's own guards and actions
 * by name, and `and`, which calls each guard its parameters list, as xstate's `and` does.
 */
import type { AnyStateMachine } from 'xstate';
import type { Named } from './toMachineJson.js';

type Guard = (args: unknown, params: unknown) => boolean;

/**
 * The guards and actions to `provide` to the loaded machine.
 *
 * @example
 * createMachine(json).provide(machineJsonImplementations(systemModel(config).machine))
 */
export function machineJsonImplementations(machine: AnyStateMachine) {
  const own = machine.implementations.guards as Record<string, Guard>;
  const check = (args: unknown, g: Named): boolean => {
    if (g.type === 'and')
      return (g.params as { guards: Named[] }).guards.every((h) => check(args, h));
    const guard = own[g.type];
    if (guard === undefined) throw new Error(`machineJsonImplementations: no guard ${g.type}`);
    return guard(args, g.params);
  };
  const and: Guard = (args, params) => check(args, { type: 'and', params });
  return { guards: { ...own, and }, actions: machine.implementations.actions };
}
