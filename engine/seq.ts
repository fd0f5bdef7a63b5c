/**
 * A small language for hand-written event sequences, after Elle's `op` helpers, so a test reads
 * like the race it describes: `seq('e1 ce1 r1 fd1*4 cx1 p t1 p')`.
 *
 * | token | event |
 * | --- | --- |
 * | `e1` | establish(1) |
 * | `t1`, `t1:100` | traffic(1, 10), traffic(1, 100) |
 * | `ce1`, `cx1`, `cx1.decrement` | calloutEnter(1), calloutExit(1), one step of it |
 * | `r1`, `f1` | reset(1), fin(1) |
 * | `fd1`, `fd1.cas` | flowDeleteNotify(1), one step of it |
 * | `p`, `p.readOpen` | poll, one step of it |
 * | `e2@1` | establish(2) with tuple 1 |
 * | `p@2`, `p.readOpen[2,1]` | client 2's poll; a step reading its table in the order 2, 1 |
 * | `d`, `d.read`, `d.store`, `d2.store` | the asynchronous drain, its read, its store (of flow 2's record) |
 * | `reg1`, `exp1` | clientRegister(1), clientExpire(1) |
 *
 * Any token may end in `*n` to repeat it `n` times.
 */
import type { Event } from './events.js';
import { flowId } from './events.js';
import type { EngineConfig, EngineState } from './EngineState.js';
import { runEvents } from './run.js';

const TOKEN =
  /^(e|t|ce|cx|r|f|fd|p|d|reg|exp)(\d*)(?:@(\d+))?(?::(\d+))?(?:\.([A-Za-z]+))?(?:\[([\d,]+)\])?(?:\*(\d+))?$/;

interface Parts {
  readonly kind: string;
  readonly n: number;
  readonly at: number | undefined;
  readonly bytes: number;
  readonly step: string | undefined;
  readonly order: readonly number[] | undefined;
}

function one({ kind, n: flow, at, bytes, step, order }: Parts, token: string): Event {
  const withStep = step === undefined ? {} : { step };
  switch (kind) {
    case 'e':
      return { type: 'establish', flow: flowId(flow), ...(at === undefined ? {} : { tuple: at }) };
    case 't':
      return { type: 'traffic', flow: flowId(flow), bytes };
    case 'ce':
      return { type: 'calloutEnter', flow: flowId(flow) };
    case 'cx':
      return { type: 'calloutExit', flow: flowId(flow), ...withStep };
    case 'r':
      return { type: 'reset', flow: flowId(flow) };
    case 'f':
      return { type: 'fin', flow: flowId(flow) };
    case 'fd':
      return { type: 'flowDeleteNotify', flow: flowId(flow), ...withStep };
    case 'p':
      return {
        type: 'poll',
        ...(at === undefined ? {} : { client: at }),
        ...withStep,
        ...(order === undefined ? {} : { order: order.map(flowId) }),
      };
    case 'd':
      return { type: 'drain', ...withStep, ...(flow === 0 ? {} : { flow: flowId(flow) }) };
    case 'reg':
      return { type: 'clientRegister', client: flow };
    case 'exp':
      return { type: 'clientExpire', client: flow };
    default:
      throw new SyntaxError(`seq: unknown token ${token}`);
  }
}

/**
 * Parses a space-separated sequence.
 *
 * @example
 * seq('e1 fd1.cas p*2') //=> [establish(1), flowDeleteNotify(1).cas, poll, poll]
 */
export function seq(text: string): Event[] {
  const out: Event[] = [];
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const m = TOKEN.exec(token);
    if (m === null) throw new SyntaxError(`seq: cannot read token ${token}`);
    const [, kind = '', flow = '', at, bytes, step, order, times] = m;
    if ((kind === 'p') !== (flow === '') && kind !== 'd')
      throw new SyntaxError(`seq: token ${token} needs ${kind === 'p' ? 'no flow' : 'a number'}`);
    if (bytes !== undefined && kind !== 't')
      throw new SyntaxError(`seq: only traffic takes bytes (${token})`);
    if (at !== undefined && kind !== 'e' && kind !== 'p')
      throw new SyntaxError(`seq: only establish and poll take @ (${token})`);
    if (order !== undefined && kind !== 'p')
      throw new SyntaxError(`seq: only poll steps take an order (${token})`);
    const parts: Parts = {
      kind,
      n: Number(flow || 0),
      at: at === undefined ? undefined : Number(at),
      bytes: Number(bytes ?? 10),
      step,
      order: order?.split(',').filter(Boolean).map(Number),
    };
    const e = one(parts, token);
    for (let i = 0; i < Number(times ?? 1); i++) out.push(e);
  }
  return out;
}

/** The engine's states after each event of `text` run under `config`, from the start; throws on a refused event. */
export function seqStates(config: EngineConfig, text: string): readonly EngineState[] {
  const r = runEvents(config, seq(text));
  if (!r.ok) throw r.error;
  return r.value;
}
