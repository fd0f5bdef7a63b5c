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
 *
 * Any token may end in `*n` to repeat it `n` times.
 */
import type { Event } from '../engine/events.js';
import { flowId } from '../engine/events.js';
import type { EngineConfig, EngineState } from '../engine/EngineState.js';
import { runEvents } from '../engine/run.js';

const TOKEN = /^(e|t|ce|cx|r|f|fd|p)(\d*)(?::(\d+))?(?:\.([A-Za-z]+))?(?:\*(\d+))?$/;

function one(kind: string, flow: number, bytes: number, step: string | undefined, token: string): Event {
  const withStep = step === undefined ? {} : { step };
  switch (kind) {
    case 'e':
      return { type: 'establish', flow: flowId(flow) };
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
      return { type: 'poll', ...withStep };
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
    const [, kind = '', flow = '', bytes, step, times] = m;
    if ((kind === 'p') !== (flow === '')) throw new SyntaxError(`seq: token ${token} needs ${kind === 'p' ? 'no flow' : 'a flow number'}`);
    if (bytes !== undefined && kind !== 't') throw new SyntaxError(`seq: only traffic takes bytes (${token})`);
    const e = one(kind, Number(flow || 0), Number(bytes ?? 10), step, token);
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
