/**
 * Writes a machine as a mermaid `stateDiagram-v2`, from its state nodes and transitions: compound
 * states as nested states, parallel regions separated by `--`, eventless transitions labelled by
 * their guard, and events a compound state takes in every child (targetless) as a note.
 *
 * Leaves out: actions, and guard parameters (the flow number every flow guard carries).
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

type Transition = {
  readonly eventType: string;
  readonly target?: readonly AnyStateNode[] | undefined;
  readonly guard?: unknown;
};

/** Guard names a transition checks (the flow filter `isForFlow` is left out: every flow event has it). */
function guardNames(g: unknown): string[] {
  if (g === undefined || g === null) return [];
  if (typeof g === 'string') return [g];
  if (typeof g === 'function') {
    const inner = (g as { guards?: unknown[] }).guards;
    return inner === undefined ? [g.name] : inner.flatMap(guardNames);
  }
  if (typeof g === 'object' && 'type' in g) return [String(g.type)];
  return [];
}

const idOf = (node: AnyStateNode): string => node.id.replace(/[^A-Za-z0-9_]/g, '_');

function label(t: Transition): string {
  const guards = guardNames(t.guard).filter((g) => g !== 'isForFlow');
  const event = t.eventType === '' ? '' : t.eventType;
  const when = guards.length === 0 ? '' : `[${guards.join(', ')}]`;
  return [event, when].filter(Boolean).join(' ');
}

function transitionsOf(node: AnyStateNode): Transition[] {
  const on = [...node.transitions.values()].flat() as Transition[];
  const always = (node.always ?? []) as Transition[];
  return [...on, ...always];
}

function write(node: AnyStateNode, indent: string, out: string[]): void {
  const children = Object.values(node.states) as AnyStateNode[];
  const id = idOf(node);
  if (children.length > 0) {
    out.push(`${indent}state "${node.key}" as ${id} {`);
    if (node.type === 'parallel') {
      children.forEach((c, i) => {
        if (i > 0) out.push(`${indent}  --`);
        write(c, `${indent}  `, out);
      });
    } else {
      const initial = node.initial.target[0];
      if (initial !== undefined) out.push(`${indent}  [*] --> ${idOf(initial)}`);
      for (const c of children) write(c, `${indent}  `, out);
    }
    out.push(`${indent}}`);
  } else {
    out.push(`${indent}state "${node.key}" as ${id}`);
  }
  const everywhere: string[] = [];
  for (const t of transitionsOf(node)) {
    const targets = t.target ?? [];
    if (targets.length === 0 && children.length > 0) everywhere.push(label(t));
    else if (targets.length === 0) out.push(`${indent}${id} --> ${id} : ${label(t)}`);
    for (const target of targets) out.push(`${indent}${id} --> ${idOf(target)} : ${label(t)}`);
  }
  // A one-line note ends at Mermaid's statement separator `;`: a block note takes one per line.
  if (everywhere.length > 0) {
    out.push(`${indent}note right of ${id}`, `${indent}  in every state:`);
    for (const e of everywhere) out.push(`${indent}  ${e}`);
    out.push(`${indent}end note`);
  }
}

/**
 * The diagram text.
 *
 * @example
 * toMermaid(flowMachine).split('\n')[0] //=> 'stateDiagram-v2'
 */
export function toMermaid(machine: AnyStateMachine): string {
  const out = ['stateDiagram-v2'];
  write(machine.root, '  ', out);
  return `${out.join('\n')}\n`;
}
