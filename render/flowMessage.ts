/**
 * What one flow event did, as an arrow to the driver's tables: the refCount after the step, the
 * steps of a notify or release and what their interlocked instructions saw, the table the flow is
 * in, and for an establish its tuple when it is not the flow's own or is still in use
 * (docs/environment.md, "4-tuple reuse"). Leaves out: the agent's side.
 */
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { memoryChangeText } from '../engine/driver/DriverVariant.js';
import type { Flow } from '../engine/driver/flow.js';
import { isEnded } from '../engine/driver/flow.js';
import type { TableName } from '../engine/driver/tables.js';
import { allFlows, tableOf } from '../engine/driver/tables.js';
import type { EngineState } from '../engine/EngineState.js';
import type { Event, FlowEvent } from '../engine/events.js';
import { formatEvent } from '../engine/events.js';
import type { Message } from './Message.js';
import { subSteps } from './subSteps.js';

/** How the pictures name a table. */
const TABLE_WORDS: Readonly<Record<TableName, string>> = {
  open: 'openFlows',
  closed: 'closedFlows',
  both: 'both tables',
  none: 'no table',
};

/** Where the flow is now, said only when it matters: it moved, or it has ended. */
function tableRemark(before: EngineState, after: EngineState, flow: Flow): string {
  const was = tableOf(before.driver, flow.id);
  const is = tableOf(after.driver, flow.id);
  if (was !== is) return is === 'none' ? `left ${TABLE_WORDS[was]}` : `moved to ${TABLE_WORDS[is]}`;
  if (!isEnded(flow)) return '';
  return is === 'none' ? 'in no table' : `still in ${TABLE_WORDS[is]}`;
}

/**
 * The design's memory fields the step changed, in the design's words (`pendingMove set`, `lock
 * taken`: DriverVariant.describeMemory).
 */
function memoryRemarks(variant: DriverVariant, was: Flow | undefined, flow: Flow): string[] {
  if (was === undefined) return [];
  const words = variant.describeMemory ?? memoryChangeText;
  return Object.entries(flow.memory)
    .filter(([k, v]) => was.memory[k] !== v)
    .map(([k, v]) => words(k, v));
}

/** `refCount 2, still in openFlows` (and `freed` when the count reached 0). */
function refCountText(before: EngineState, after: EngineState, flow: Flow): string {
  const remark = tableRemark(before, after, flow);
  const flags = memoryRemarks(after.config.driver, before.driver.flows[flow.id], flow);
  return [`refCount ${flow.refCount}`, ...flags, flow.freed ? 'freed' : '', remark]
    .filter((s) => s !== '')
    .join(', ');
}

/** A notify's or release's steps: `cas saw refCount 3 → decrement`. */
function trailText(
  before: EngineState,
  event: Extract<Event, { type: 'flowDeleteNotify' | 'calloutExit' }>,
): string {
  const steps = subSteps(before, event);
  const trail = steps.map((s) => (s.saw === null ? s.name : `${s.name} saw refCount ${s.saw}`));
  const next = event.step !== undefined ? steps.at(-1)?.after?.step : undefined;
  return [...trail, ...(next === undefined ? [] : [`next ${next}`])].join(' → ');
}

/**
 * An establish: the flow, its refCount, and its tuple when it is not its own number or another
 * flow had it: `tuple 1, reused from flow 1, still in openFlows`.
 */
function establishText(before: EngineState, flow: Flow): string {
  const head = `flow ${flow.id} open, refCount ${flow.refCount}`;
  const others = allFlows(before.driver).filter((f) => f.tuple === flow.tuple && f.id !== flow.id);
  if (others.length === 0) return flow.tuple === flow.id ? head : `${head}, tuple ${flow.tuple}`;
  const where = others.map((f) => {
    const table = tableOf(before.driver, f.id);
    return `flow ${f.id}, ${table === 'none' ? 'in no table' : `still in ${TABLE_WORDS[table]}`}`;
  });
  return `${head}, tuple ${flow.tuple} reused from ${where.join('; ')}`;
}

/**
 * The arrow of a flow event, from the callout (or the delete notifications) to the driver.
 *
 * @example
 * flowMessage(start, { type: 'establish', flow: flowId(1) }, after).detail //=> 'flow 1 open, refCount 5'
 */
export function flowMessage(before: EngineState, event: FlowEvent, after: EngineState): Message {
  const flow = after.driver.flows[event.flow] as Flow;
  const label = formatEvent(event);
  const callout = (detail: string): Message => ({ from: 'callout', to: 'driver', label, detail });
  switch (event.type) {
    case 'establish':
      return callout(establishText(before, flow));
    case 'traffic':
      return callout(
        tableOf(after.driver, flow.id) !== 'none'
          ? `flow ${flow.id} sentBytes ${flow.sentBytes}`
          : `flow ${flow.id} in no table: bytes not counted`,
      );
    case 'calloutEnter':
      return callout(
        `refCount ${flow.refCount}, ${flow.callouts} callout${flow.callouts === 1 ? '' : 's'} holding`,
      );
    case 'reset':
      return callout(`flow ${flow.id} RecvRst: reads TCPClosed 1, TCPFailures {104:1}`);
    case 'fin':
      return callout(`flow ${flow.id} FIN: no failure`);
    case 'calloutExit': {
      const op = before.config.driver.calloutExit;
      const trail =
        Object.keys(op).length > 1 || event.step !== undefined ? trailText(before, event) : '';
      return callout(
        [trail, refCountText(before, after, flow)].filter((s) => s !== '').join(' · '),
      );
    }
    case 'flowDeleteNotify': {
      const head = `notify ${flow.notifies}/${after.config.layers}: ${trailText(before, event)}`;
      const detail = `${head} · ${refCountText(before, after, flow)}`;
      return { from: 'notify', to: 'driver', label, detail };
    }
  }
}
