/**
 * A state node as the config object `createMachine` takes: its kind (parallel, or the initial
 * child of a compound node), its transitions by event, its eventless ones and its children, each
 * transition written by the caller (as Stately code's names, or as data with parameters:
 * toStatelyCode.ts, toMachineJson.ts).
 */
import type { AnyStateNode } from 'xstate';

/** A transition as xstate's state nodes hold it. */
export type NodeTransition = {
  readonly target?: readonly AnyStateNode[] | undefined;
  readonly guard?: unknown;
  readonly actions: readonly unknown[];
};

/** How to write a node: its transitions, and whether to give each node its id. */
export interface NodeFormat {
  readonly transition: (t: NodeTransition) => Record<string, unknown>;
  readonly ids: boolean;
}

/**
 * The config of `node` and its descendants.
 *
 * @example
 * stateNodeConfig(flowMachine.root, { transition: () => ({}), ids: false }).type //=> 'parallel'
 */
export function stateNodeConfig(node: AnyStateNode, format: NodeFormat): Record<string, unknown> {
  const children = Object.values(node.states) as AnyStateNode[];
  const on = Object.fromEntries(
    [...node.transitions].map(([event, list]) => [
      event,
      (list as NodeTransition[]).map(format.transition),
    ]),
  );
  const always = (node.always ?? []) as NodeTransition[];
  return {
    ...(format.ids ? { id: node.id } : {}),
    ...(node.type === 'parallel'
      ? { type: 'parallel' }
      : children.length > 0
        ? { initial: node.initial.target[0]?.key }
        : {}),
    ...(Object.keys(on).length === 0 ? {} : { on }),
    ...(always.length === 0 ? {} : { always: always.map(format.transition) }),
    ...(children.length === 0
      ? {}
      : { states: Object.fromEntries(children.map((c) => [c.key, stateNodeConfig(c, format)])) }),
  };
}
