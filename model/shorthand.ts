/**
 * The model tests' shorthand for event lists, so a test reads like the trace it runs:
 * `shorthand('e1 ce1 r1 fd1*4 cx1 e2@1 p.readOpen[2,1] p.readClosed d.read d2.store exp1 reg1')`.
 * The same tokens as the suite's trace language; the model's tests do not load the engine.
 *
 * Leaves out: traffic amounts (always 10 bytes: the model sees only that bytes moved).
 */
import type { Event, FlowId } from '../engine/events.js';

const TOKEN =
  /^(e|t|ce|cx|r|f|fd|p|d|reg|exp)(\d*)(?:@(\d+))?(?:\.([A-Za-z]+))?(?:\[([\d,]*)\])?(?:\*(\d+))?$/;

interface Parts {
  readonly kind: string;
  readonly n: number;
  readonly at: number | undefined;
  readonly step: { readonly step?: string };
  readonly order: readonly FlowId[] | undefined;
}

function one({ kind, n, at, step, order }: Parts): Event {
  const flow = n as FlowId;
  switch (kind) {
    case 'e':
      return { type: 'establish', flow, ...(at === undefined ? {} : { tuple: at }) };
    case 't':
      return { type: 'traffic', flow, bytes: 10 };
    case 'ce':
      return { type: 'calloutEnter', flow };
    case 'cx':
      return { type: 'calloutExit', flow, ...step };
    case 'r':
      return { type: 'reset', flow };
    case 'f':
      return { type: 'fin', flow };
    case 'fd':
      return { type: 'flowDeleteNotify', flow, ...step };
    case 'p':
      return {
        type: 'poll',
        ...(at === undefined ? {} : { client: at }),
        ...step,
        ...(order === undefined ? {} : { order }),
      };
    case 'd':
      return { type: 'drain', ...step, ...(n === 0 ? {} : { flow }) };
    default:
      return { type: kind === 'reg' ? 'clientRegister' : 'clientExpire', client: n };
  }
}

/**
 * The events of a space-separated token list; any token may end in `*n` (n times).
 *
 * @example
 * shorthand('e2@1 p.readOpen[2,1] d2.store') //=> [establish(2, tuple 1), poll.readOpen[2, 1], drain.store(2)]
 */
export function shorthand(text: string): Event[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((token) => {
      const m = TOKEN.exec(token);
      if (m === null) throw new SyntaxError(`shorthand: cannot read ${token}`);
      const [, kind = '', n = '', at, step, order, times] = m;
      const e = one({
        kind,
        n: Number(n || 0),
        at: at === undefined ? undefined : Number(at),
        step: step === undefined ? {} : { step },
        order: order?.split(',').filter(Boolean).map(Number) as FlowId[] | undefined,
      });
      return Array.from({ length: Number(times ?? 1) }, () => e);
    });
}
