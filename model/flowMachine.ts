/**
 * The formal model: the lifecycle of N flows, the agent's poll, the asynchronous closed-flow drain
 * and agent client 1 as one xstate v5 machine. Each flow is a region (absent → established: open →
 * ended → inClosedTable → drained → freed, or ended → lingering); the poll (idle ⇄ betweenReads),
 * the drain (idle ⇄ holding) and the client (registered ⇄ expired) are regions too. Events are the
 * shared vocabulary's (engine/events.ts, docs/environment.md), at step granularity; guards and
 * actions are named in flowSetup.ts.
 *
 * Leaves out: time, byte amounts, packets, and agent clients beyond one (any other is refused).
 */
import { and } from 'xstate';
import { flowSetup } from './flowSetup.js';
import { DEFAULT_MODEL_LAYERS, initialContext } from './ModelContext.js';

const forFlow = (flow: number) => ({ type: 'isForFlow', params: { flow } }) as const;
type FlowGuard = 'isInClosedTable' | 'isStranded' | 'isOutOfTables' | 'isFreed' | 'hasReference';
const when = (type: FlowGuard, flow: number) => ({ type, params: { flow } }) as const;

/** One flow's region: its lifecycle, with the events any established flow takes on `established`. */
const flowRegion = (k: number) =>
  ({
    initial: 'absent',
    states: {
      absent: {
        on: {
          establish: {
            guard: and([forFlow(k), 'isTupleFree']),
            target: 'established',
            actions: 'establishFlow',
          },
        },
      },
      established: {
        initial: 'open',
        on: {
          traffic: { guard: and([forFlow(k), 'hasPositiveBytes']), actions: 'moveBytes' },
          calloutEnter: {
            guard: and([forFlow(k), 'hasLayerAssociation']),
            actions: 'enterCallout',
          },
          calloutExit: { guard: and([forFlow(k), 'isExitStepEnabled']), actions: 'runExitStep' },
          flowDeleteNotify: {
            guard: and([forFlow(k), 'isNotifyStepEnabled']),
            actions: 'runNotifyStep',
          },
        },
        states: {
          open: {
            on: {
              reset: { guard: forFlow(k), target: 'ended', actions: 'writeTerminalStatus' },
              fin: { guard: forFlow(k), target: 'ended', actions: 'writeTerminalStatus' },
            },
          },
          ended: {
            always: [
              { guard: when('isInClosedTable', k), target: 'inClosedTable' },
              { guard: when('isStranded', k), target: 'lingering' },
            ],
          },
          lingering: {},
          inClosedTable: { always: { guard: when('isOutOfTables', k), target: 'drained' } },
          drained: { always: { guard: when('isFreed', k), target: 'freed' } },
          freed: { always: { guard: when('hasReference', k), target: 'drained' } },
        },
      },
    },
  }) as const;

/** The poll's region: `readOpen` then `readClosed` (each in its table's order), or both at once. */
const pollRegion = {
  initial: 'idle',
  states: {
    idle: {
      on: {
        poll: [
          {
            guard: and(['isReadOpenStep', 'isClientOne', 'isOpenTableOrder']),
            target: 'betweenReads',
            actions: 'readOpenFlows',
          },
          {
            guard: and(['isWholePoll', 'isClientOne', 'isDrainUnblocked']),
            actions: ['readOpenFlows', 'drainClosedFlows', 'shipDelta'],
          },
        ],
      },
    },
    betweenReads: {
      on: {
        poll: {
          guard: and(['isReadClosedStep', 'isClientOne', 'isClosedTableOrder', 'isDrainUnblocked']),
          target: 'idle',
          actions: ['drainClosedFlows', 'shipDelta'],
        },
      },
    },
  },
} as const;

/** The closed-flows-ready goroutine's region: its `read`, then one `store` per record held. */
const drainRegion = {
  initial: 'idle',
  states: {
    idle: {
      on: {
        drain: [
          {
            guard: and(['isDrainReadStep', 'hasClosedFlows', 'isDrainUnblocked']),
            target: 'holding',
            actions: 'takeClosedFlows',
          },
          {
            guard: and(['isWholeDrain', 'hasClosedFlows', 'isDrainUnblocked']),
            actions: 'drainWhole',
          },
        ],
      },
    },
    holding: {
      on: {
        drain: { guard: and(['isDrainStoreStep', 'holdsNamedRecord']), actions: 'storeHeldRecord' },
      },
      always: { guard: 'holdsNothing', target: 'idle' },
    },
  },
} as const;

/** Agent client 1's region: it expires, registers again, or a poll re-creates it. */
const clientRegion = {
  initial: 'registered',
  states: {
    registered: {
      on: { clientExpire: { guard: 'isClientOne', target: 'expired', actions: 'expireClient' } },
    },
    expired: {
      on: {
        clientRegister: { guard: 'isClientOne', target: 'registered', actions: 'registerClient' },
      },
      always: { guard: 'isClientRegistered', target: 'registered' },
    },
  },
} as const;

/**
 * The machine for `flows` flows (regions `flow1` … `flowN`, then `poll`, `drain`, `client`).
 *
 * @example
 * initialTransition(createFlowMachine(1), { layers: 4 })[0].value
 * //=> { flow1: 'absent', poll: 'idle', drain: 'idle', client: 'registered' }
 */
export function createFlowMachine(flows: number) {
  const regions = Object.fromEntries(
    Array.from({ length: flows }, (_, i) => [`flow${i + 1}`, flowRegion(i + 1)]),
  );
  return flowSetup.createMachine({
    id: 'lingering',
    type: 'parallel',
    // `input` is absent when xstate builds a throwaway actor (pure `transition()` does).
    context: ({ input }) => initialContext(flows, input?.layers ?? DEFAULT_MODEL_LAYERS),
    states: { ...regions, poll: pollRegion, drain: drainRegion, client: clientRegion },
  });
}

/** The single-flow machine, as Stately's tools and the README diagram show it. */
export const flowMachine = createFlowMachine(1);

/** The machine type. */
export type FlowMachine = ReturnType<typeof createFlowMachine>;
