/**
 * The driver side of every flow event: establish, traffic, callout entry, the terminal status
 * write, and one step of a delete notification or a callout release (the variant's code).
 * Malformed events are refused with a reason, and the driver is left as it was.
 *
 * Leaves out: the classify work of a callout (only its reference is modelled) and concurrent
 * notifications or releases of one flow (one of each is part-way through at a time).
 */
import type { FlowEvent } from '../events.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { DriverVariant, Operation, StepDone } from './DriverVariant.js';
import { BLOCKED, firstStep } from './DriverVariant.js';
import type { Flow, OpLocals } from './flow.js';
import { isEnded, newFlow } from './flow.js';
import { interlockedIncrement } from './refCount.js';
import type { DriverState } from './tables.js';
import { allFlows, putFlow, updateFlow } from './tables.js';

/** The driver after the event, or why it was refused. */
export type DriverResult = Result<DriverState, string>;

const FRESH: Omit<OpLocals, 'step'> = { seen: 0, flag: false, attempt: 0 };

type OpKind = 'notify' | 'exit';

/** A variant's operation for a stepped flow event. */
const operationOf = (variant: DriverVariant, kind: OpKind): Operation =>
  kind === 'notify' ? variant.flowDeleteNotify : variant.calloutExit;

/** Whether a new notify or release may begin on `flow`. */
function canStart(kind: OpKind, flow: Flow, layers: number): string | null {
  if (kind === 'notify') {
    if (!isEnded(flow)) return `flow ${flow.id} has not ended (no reset or fin yet)`;
    if (flow.notifies >= layers)
      return `flow ${flow.id} already had its ${layers} delete notifications`;
    return null;
  }
  return flow.callouts > 0 ? null : `no callout in flight on flow ${flow.id}`;
}

/**
 * Runs one step of a notify or release; with `step` undefined, runs the whole operation.
 */
function runOperation(
  driver: DriverState,
  variant: DriverVariant,
  kind: OpKind,
  flow: Flow,
  step: string | undefined,
): DriverResult {
  const op = operationOf(variant, kind);
  const field = kind === 'notify' ? 'notify' : 'exit';
  const inFlight = flow[field];
  const name = kind === 'notify' ? 'flowDeleteNotify' : 'calloutExit';
  if (inFlight !== null && step === undefined) {
    return err(
      `a ${name} is part-way through on flow ${flow.id} (next step: ${inFlight.step}); name its steps`,
    );
  }
  let d = driver;
  let locals: OpLocals;
  if (inFlight === null) {
    const why = canStart(kind, flow, driver.layers);
    if (why !== null) return err(why);
    locals = { step: firstStep(op), ...FRESH };
    // Starting: a notify takes up one association; a release is a callout giving back its ref.
    d = putFlow(
      d,
      kind === 'notify'
        ? { ...flow, notifies: flow.notifies + 1 }
        : { ...flow, callouts: flow.callouts - 1 },
    );
  } else locals = inFlight;
  if (step !== undefined && step !== locals.step) {
    const allowed = Object.keys(op).join(', ');
    return err(
      inFlight === null
        ? `${name} on flow ${flow.id} starts with step ${locals.step}, got ${step} (steps: ${allowed})`
        : `the next step of ${name} on flow ${flow.id} is ${locals.step}, got ${step}`,
    );
  }
  for (;;) {
    const current = d.flows[flow.id] as Flow;
    const run = op[locals.step];
    if (run === undefined) return err(`${name} has no step ${locals.step}`);
    const out = run({ driver: d, id: flow.id, flow: current, locals });
    if (out === BLOCKED) {
      return err(
        `step ${locals.step} of ${name} on flow ${flow.id} cannot run now (the flow lock is held)`,
      );
    }
    d = saveLocals(out, field, locals, flow);
    const next = d.flows[flow.id]?.[field] ?? null;
    if (next === null || step !== undefined) return ok(d);
    locals = next;
  }
}

function saveLocals(
  out: StepDone,
  field: 'notify' | 'exit',
  locals: OpLocals,
  flow: Flow,
): DriverState {
  const nextLocals: OpLocals | null =
    out.next === null ? null : { ...locals, ...out.locals, step: out.next };
  return updateFlowQuiet(out.driver, flow, (f) => ({ ...f, [field]: nextLocals }));
}

// Writing the operation's own locals is not an access to the flow's memory.
const updateFlowQuiet = (driver: DriverState, flow: Flow, f: (x: Flow) => Flow): DriverState => {
  const current = driver.flows[flow.id];
  return current === undefined ? driver : putFlow(driver, f(current));
};

/**
 * Applies one flow event to the driver.
 *
 * @example
 * applyFlowEvent(emptyDriver(4), original, { type: 'establish', flow: flowId(1) })
 * //=> ok: flow 1 in openFlows with refCount 5
 */
export function applyFlowEvent(
  driver: DriverState,
  variant: DriverVariant,
  e: FlowEvent,
): DriverResult {
  const flow = driver.flows[e.flow];
  if (e.type === 'establish') {
    if (flow !== undefined) return err(`flow ${e.flow} is already established`);
    const tuple = e.tuple ?? e.flow;
    // Two live TCP connections cannot share a 4-tuple; once one has ended (a RST leaves no
    // TIME_WAIT) a new connection may take it, even while the old flow lingers in openFlows.
    const holder = allFlows(driver).find((f) => f.tuple === tuple && !isEnded(f));
    if (holder !== undefined) {
      return err(
        `tuple ${tuple} belongs to flow ${holder.id}, which has not ended (two live connections cannot share a 4-tuple)`,
      );
    }
    const d = putFlow(driver, newFlow(e.flow, driver.layers, tuple, variant.memory));
    return ok({ ...d, openFlows: [...d.openFlows, e.flow] });
  }
  if (flow === undefined) return err(`flow ${e.flow} was never established`);
  switch (e.type) {
    case 'traffic': {
      if (!Number.isInteger(e.bytes) || e.bytes < 1)
        return err(`bytes must be a positive integer, got ${e.bytes}`);
      // A packet finds the flow by lookup in either table; once drained it belongs to no flow.
      const tracked = driver.openFlows.includes(e.flow) || driver.closedFlows.includes(e.flow);
      return ok(
        tracked
          ? updateFlow(driver, e.flow, (f) => ({ ...f, sentBytes: f.sentBytes + e.bytes }))
          : driver,
      );
    }
    case 'calloutEnter': {
      // A classify takes its reference through a live layer association. Once the last
      // association's delete notification has begun, WFP starts no new classify with the flow's
      // context (context removal waits for classifications in progress), so none can enter.
      if (flow.notifies >= driver.layers) {
        return err(
          `flow ${e.flow} has no layer association left (its last delete notification has begun), so no callout can classify on it`,
        );
      }
      const d = interlockedIncrement(driver, e.flow).driver;
      return ok(updateFlowQuiet(d, flow, (f) => ({ ...f, callouts: f.callouts + 1 })));
    }
    case 'reset':
    case 'fin': {
      if (isEnded(flow)) return err(`flow ${e.flow} already ended (${flow.status})`);
      // The terminal connectionStatus is written in place, in whichever table the flow is.
      return ok(
        updateFlow(driver, e.flow, (f) => ({
          ...f,
          status: e.type === 'reset' ? 'recvRst' : 'fin',
        })),
      );
    }
    case 'flowDeleteNotify':
      return runOperation(driver, variant, 'notify', flow, e.step);
    case 'calloutExit':
      return runOperation(driver, variant, 'exit', flow, e.step);
  }
}
