/**
 * Writes an ITF trace as `JSON.stringify(trace, null, 2)` followed by a newline would, one state
 * at a time: the head (`#meta`, `vars`), each state as it comes, then the close. Text goes out
 * in chunks of about 64 KiB (lib/chunkedWriter.ts): neither the trace nor its text is ever whole
 * in memory.
 */
import { chunkedWriter } from '../lib/chunkedWriter.js';
import type { ItfState, ItfTrace } from './itf.js';

/** What a trace says before its states. */
export type ItfHead = Pick<ItfTrace, '#meta' | 'vars'>;

/** Takes the states in order, then `end` once. */
export interface ItfWriter {
  readonly state: (s: ItfState) => void;
  readonly end: () => void;
}

// A state sits two levels deep (the trace, then `states`), as it does in `[[s]]`: its text there,
// without the brackets, is what JSON.stringify writes for it inside the trace.
const indented = (s: ItfState): string => JSON.stringify([[s]], null, 2).slice(6, -6);

/**
 * A writer that passes the trace's text to `write` in chunks.
 *
 * @example
 * const w = itfWriter(head, io.out); w.state(s0); w.end() // io.out got JSON.stringify({ ...head, states: [s0] }, null, 2) + '\n'
 */
export function itfWriter(head: ItfHead, write: (chunk: string) => void): ItfWriter {
  const open = JSON.stringify({ '#meta': head['#meta'], vars: head.vars }, null, 2);
  const out = chunkedWriter(write);
  out.write(`${open.slice(0, -'\n}'.length)},\n  "states": [`);
  let count = 0;
  return {
    state: (s) => {
      out.write(`${count === 0 ? '\n' : ',\n'}${indented(s)}`);
      count++;
    },
    end: () => {
      out.write(`${count === 0 ? ']' : '\n  ]'}\n}\n`);
      out.end();
    },
  };
}
