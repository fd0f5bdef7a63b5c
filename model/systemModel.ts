/**
 * The model for one driver design × agent design at a number of flows and layers: the machine
 * with the designs provided, and pure stepping (`initialTransition` / `transition`) that says
 * when the model refuses an event.
 *
 * Leaves out: agent clients beyond one (every poll is the same client's).
 */
import type { SnapshotFrom } from 'xstate';
import { initialTransition, transition } from 'xstate';
import type { Event } from '../engine/events.js';
import type { AgentModel } from './agentModel.js';
import { agentModelNames, findAgentModel } from './agents/index.js';
import type { DriverModel } from './driverModel.js';
import type { FlowMachine } from './flowMachine.js';
import { createFlowMachine } from './flowMachine.js';
import { DEFAULT_MODEL_LAYERS } from './ModelContext.js';
import { driverModelNames, findDriverModel } from './variants/index.js';

/** Which model. */
export interface ModelConfig {
  /** A driver design's name (model/variants/). */
  readonly driver: string;
  /** An agent design's name (model/agents/). @defaultValue 'prefix' */
  readonly agent?: string;
  /** @defaultValue 1 */
  readonly flows?: number;
  /** `L`. @defaultValue 4 */
  readonly layers?: number;
}

/** A snapshot of the model. */
export type ModelSnapshot = SnapshotFrom<FlowMachine>;

/** A model ready to step. */
export interface SystemModel {
  readonly driver: DriverModel;
  readonly agent: AgentModel;
  readonly flows: number;
  readonly layers: number;
  readonly machine: FlowMachine;
}

/**
 * The machine for `config`, with its designs provided.
 *
 * @example
 * systemModel({ driver: 'original', flows: 2 }).machine.id //=> 'lingering'
 */
export function systemModel(config: ModelConfig): SystemModel {
  const driver = findDriverModel(config.driver);
  if (driver === undefined) {
    throw new RangeError(
      `no driver design ${config.driver} (designs: ${driverModelNames.join(', ')})`,
    );
  }
  const agentName = config.agent ?? 'prefix';
  const agent = findAgentModel(agentName);
  if (agent === undefined) {
    throw new RangeError(`no agent design ${agentName} (designs: ${agentModelNames.join(', ')})`);
  }
  const flows = config.flows ?? 1;
  const layers = config.layers ?? DEFAULT_MODEL_LAYERS;
  const machine = createFlowMachine(flows).provide({
    guards: driver.guards,
    actions: { ...driver.actions, ...agent.actions },
  });
  return { driver, agent, flows, layers, machine };
}

/** The model's initial snapshot. */
export const modelStart = (m: SystemModel): ModelSnapshot =>
  initialTransition(m.machine, { layers: m.layers })[0];

/**
 * The snapshot after `event`, or `null` when the model refuses it (no transition is enabled).
 *
 * @example
 * modelStep(m, modelStart(m), { type: 'calloutExit', flow: flowId(1) }) //=> null: flow 1 was never established
 */
export function modelStep(m: SystemModel, s: ModelSnapshot, event: Event): ModelSnapshot | null {
  if (!s.can(event)) return null;
  return transition(m.machine, s, event)[0];
}
