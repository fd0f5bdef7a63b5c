/**
 * The formal model: the lifecycle of N flows and the agent's poll as one xstate v5 machine. Each
 * flow is a region (absent → established: open → ended → inClosedTable → drained → freed, or
 * ended → lingering); the poll is a region (idle ⇄ betweenReads). Events are SPEC 2.1's, at the
 * engine's atomic-step granularity. A driver design provides the notify and release steps, an
 * agent design the `shipDelta` action (`provide()`); the arithmetic lives in small pure helpers.
 *
 * Leaves out: time, byte amounts, packets, and agent clients beyond one.
 */
import { and, assertEvent, assign, setup } from 'xstate';
import type { Event } from '../engine/events.js';
import { readOpenFlows, drainClosedFlows } from './pollReads.js';
import type { ModelContext, ModelInput } from './ModelContext.js';
import { DEFAULT_MODEL_LAYERS, eventFlow, flowAt, initialContext } from './ModelContext.js';
import { updateEventFlow as update, withFlow } from './ModelContext.js';
import type { ModelFlow } from './ModelFlow.js';
import { hasLayerAssociation, isStranded, isTracked, newFlow, takeReference } from './ModelFlow.js';

type FlowParams = { readonly flow: number };
type Args = { readonly context: ModelContext; readonly event: Event };

/** A guard on the flow its parameters name (false while that flow is not established). */
const onFlow =
  (test: (f: ModelFlow, c: ModelContext) => boolean) =>
  ({ context }: { readonly context: ModelContext }, p: FlowParams) => {
    const f = flowAt(context, p.flow);
    return f !== null && test(f, context);
  };

/** The machine's vocabulary: every guard and action by name, so `provide()` can swap any. */
export const flowSetup = setup({
  types: { context: {} as ModelContext, events: {} as Event, input: {} as ModelInput },
  guards: {
    isForFlow: ({ event }, p: FlowParams) => event.type !== 'poll' && event.flow === p.flow,
    hasPositiveBytes: ({ event }) =>
      event.type === 'traffic' && Number.isInteger(event.bytes) && event.bytes >= 1,
    hasLayerAssociation: ({ context: c, event }) => {
      const f = eventFlow(c, event);
      return f !== null && hasLayerAssociation(f, c.layers);
    },
    // Provided by a driver design (model/variants/): no design, no notify or release.
    isNotifyStepEnabled: (_: Args) => false,
    isExitStepEnabled: (_: Args) => false,
    isDrainUnblocked: (_: Args) => true,
    isInClosedTable: onFlow((f) => f.table === 'closed'),
    isStranded: onFlow((f, c) => isStranded(f, c.layers)),
    isOutOfTables: onFlow((f) => f.table === 'none'),
    isFreed: onFlow((f) => f.refCount <= 0),
    hasReference: onFlow((f) => f.refCount > 0),
    isWholePoll: ({ event }) => event.type === 'poll' && event.step === undefined,
    isReadOpenStep: ({ event }) => event.type === 'poll' && event.step === 'readOpen',
    isReadClosedStep: ({ event }) => event.type === 'poll' && event.step === 'readClosed',
  },
  actions: {
    establishFlow: assign(({ context, event }) => {
      assertEvent(event, 'establish');
      return { flows: withFlow(context, event.flow, newFlow(context.layers)) };
    }),
    moveBytes: assign(({ context: c, event: e }) =>
      update(c, e, (f) => (isTracked(f) ? { ...f, moved: true } : f)),
    ),
    enterCallout: assign(({ context: c, event: e }) =>
      update(c, e, (f) => ({ ...takeReference(f), callouts: f.callouts + 1 })),
    ),
    writeTerminalStatus: assign(({ context: c, event: e }) => {
      assertEvent(e, ['reset', 'fin']);
      return update(c, e, (f) => ({ ...f, end: e.type }));
    }),
    // Provided by a driver design.
    runNotifyStep: assign(() => ({})),
    runExitStep: assign(() => ({})),
    readOpenFlows: assign(({ context }) => readOpenFlows(context)),
    drainClosedFlows: assign(({ context }) => drainClosedFlows(context)),
    // Provided by an agent design (model/agents/): the default ends the poll and ships nothing.
    shipDelta: assign(({ context }) => ({ poll: null, polls: context.polls + 1 })),
  },
});

const forFlow = (flow: number) => ({ type: 'isForFlow', params: { flow } }) as const;
type FlowGuard = 'isInClosedTable' | 'isStranded' | 'isOutOfTables' | 'isFreed' | 'hasReference';
const when = (type: FlowGuard, flow: number) => ({ type, params: { flow } }) as const;

/** One flow's region: its lifecycle, with the events any established flow takes on `established`. */
const flowRegion = (k: number) =>
  ({
    initial: 'absent',
    states: {
      absent: {
        on: { establish: { guard: forFlow(k), target: 'established', actions: 'establishFlow' } },
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

/** The poll's region: `readOpen` then `readClosed`, or both at once. */
const pollRegion = {
  initial: 'idle',
  states: {
    idle: {
      on: {
        poll: [
          { guard: 'isReadOpenStep', target: 'betweenReads', actions: 'readOpenFlows' },
          {
            guard: and(['isWholePoll', 'isDrainUnblocked']),
            actions: ['readOpenFlows', 'drainClosedFlows', 'shipDelta'],
          },
        ],
      },
    },
    betweenReads: {
      on: {
        poll: {
          guard: and(['isReadClosedStep', 'isDrainUnblocked']),
          target: 'idle',
          actions: ['drainClosedFlows', 'shipDelta'],
        },
      },
    },
  },
} as const;

/**
 * The machine for `flows` flows (regions `flow1` … `flowN`, then `poll`).
 *
 * @example
 * initialTransition(createFlowMachine(1), { layers: 4 })[0].value
 * //=> { flow1: 'absent', poll: 'idle' }
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
    states: { ...regions, poll: pollRegion },
  });
}

/** The single-flow machine, as Stately's tools and the README diagram show it. */
export const flowMachine = createFlowMachine(1);

/** The machine type. */
export type FlowMachine = ReturnType<typeof createFlowMachine>;
