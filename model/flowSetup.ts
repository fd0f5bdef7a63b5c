/**
 * The machine's vocabulary: every guard and action of flowMachine.ts by name, so `provide()` can
 * swap any (a driver design provides the notify and release steps and the closed read's wait, an
 * agent design `shipDelta`). Each is one line over a pure helper.
 *
 * Leaves out: the regions and their transitions (flowMachine.ts).
 */
import { assertEvent, assign, setup } from 'xstate';
import type { Event } from '../engine/events.js';
import type { FlowMemory } from '../lib/FlowMemory.js';
import { NO_MEMORY } from '../lib/FlowMemory.js';
import { expireClient, startSession } from './clientChurn.js';
import { drainAll, drainRead, drainStore, heldIndex } from './closedFlowsDrain.js';
import type { ModelContext, ModelInput } from './ModelContext.js';
import { eventFlow, flowAt, flowNamed } from './ModelContext.js';
import { updateEventFlow as update, withFlow } from './ModelContext.js';
import type { ModelFlow } from './ModelFlow.js';
import { hasLayerAssociation, isStranded, isTracked, newFlow, takeReference } from './ModelFlow.js';
import { drainClosedFlows, readOpenFlows } from './pollReads.js';
import { closedFlows, isOrderOf, openFlows } from './tableOrder.js';
import { isTupleFree, tupleOf } from './tuples.js';

type FlowParams = { readonly flow: number };
type Args = { readonly context: ModelContext; readonly event: Event };

/** A guard on the flow its parameters name (false while that flow is not established). */
const onFlow =
  (test: (f: ModelFlow, c: ModelContext) => boolean) =>
  ({ context }: { readonly context: ModelContext }, p: FlowParams) => {
    const f = flowAt(context, p.flow);
    return f !== null && test(f, context);
  };

const step = (e: Event) => ('step' in e ? e.step : undefined);
const order = (e: Event) => (e.type === 'poll' ? e.order : undefined);
const drainFlow = (e: Event) => (e.type === 'drain' ? e.flow : undefined);
/** The client an event names: a poll without `client` is client 1's (the only one). */
const clientOf = (e: Event) =>
  e.type === 'poll' ? (e.client ?? 1) : 'client' in e ? e.client : undefined;

/**
 * An establish: flow `event.flow` into `openFlows`, with the driver design's memory at its
 * initial values.
 */
export const establishWith =
  (memory: FlowMemory) =>
  ({ context: c, event }: Args): Partial<ModelContext> => {
    assertEvent(event, 'establish');
    const f = newFlow(c.layers, tupleOf(event), memory);
    return { flows: withFlow(c, event.flow, f), openOrder: [...c.openOrder, event.flow] };
  };

/** The machine's vocabulary: every guard and action by name, so `provide()` can swap any. */
export const flowSetup = setup({
  // xstate infers the machine's context, events and input from these casts (its documented idiom).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  types: { context: {} as ModelContext, events: {} as Event, input: {} as ModelInput },
  guards: {
    isForFlow: ({ event }, p: FlowParams) => flowNamed(event) === p.flow,
    isTupleFree: ({ context, event }) => event.type === 'establish' && isTupleFree(context, event),
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
    isClientOne: ({ event: e }) => clientOf(e) === 1,
    isWholePoll: ({ event: e }) => e.type === 'poll' && step(e) === undefined && !order(e),
    isReadOpenStep: ({ event }) => event.type === 'poll' && event.step === 'readOpen',
    isReadClosedStep: ({ event }) => event.type === 'poll' && event.step === 'readClosed',
    isOpenTableOrder: ({ context, event }) => isOrderOf(order(event), openFlows(context)),
    isClosedTableOrder: ({ context, event }) => isOrderOf(order(event), closedFlows(context)),
    isDrainReadStep: ({ event: e }) => step(e) === 'read' && drainFlow(e) === undefined,
    isDrainStoreStep: ({ event: e }) => e.type === 'drain' && e.step === 'store',
    isWholeDrain: ({ event: e }) => step(e) === undefined && drainFlow(e) === undefined,
    hasClosedFlows: ({ context }) => closedFlows(context).length > 0,
    holdsNamedRecord: ({ context, event }) => heldIndex(context, drainFlow(event)) !== -1,
    holdsNothing: ({ context }) => context.held.length === 0,
    isClientRegistered: ({ context }) => context.client !== null,
  },
  actions: {
    // Provided by a driver design, with its memory.
    establishFlow: assign(establishWith(NO_MEMORY)),
    moveBytes: assign(({ context: c, event: e }) =>
      update(c, e, (f) => (isTracked(f) ? { ...f, moved: true, hasBytes: true } : f)),
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
    readOpenFlows: assign(({ context, event }) => readOpenFlows(context, order(event))),
    drainClosedFlows: assign(({ context, event }) => drainClosedFlows(context, order(event))),
    // Provided by an agent design (model/agents/): the default ends the poll and ships nothing.
    shipDelta: assign(({ context }) => ({ poll: null, polls: context.polls + 1 })),
    takeClosedFlows: assign(({ context }) => drainRead(context)),
    storeHeldRecord: assign(({ context, event }) => drainStore(context, drainFlow(event))),
    drainWhole: assign(({ context }) => drainAll(context)),
    expireClient: assign(({ context }) => expireClient(context)),
    registerClient: assign(({ context }) => startSession(context)),
  },
});
