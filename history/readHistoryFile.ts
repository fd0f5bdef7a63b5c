/**
 * Reads one history file poll by poll, in bounded memory when it is JSON lines: the file is read
 * in blocks and cut into lines (lib/LineSplitter.ts), each line parsed, handed over and dropped,
 * so a history of any length is read with at most one line and its poll in memory; each line is
 * capped instead of the file. A file of another shape (a JSON array, one object over several
 * lines, a replay report) is read whole, capped at 64 MiB, as before: a larger history must be
 * JSON lines. FIFOs, sockets, devices and directories are refused before reading
 * (engine/readInputFile.ts); JSON depth is capped per line, or for the whole text.
 */
import { closeSync, readSync } from 'node:fs';
import { TraceError } from '../engine/errors/TraceError.js';
import { jsonDepth, MAX_JSON_DEPTH } from '../engine/jsonDepth.js';
import { openInputFile, readInputFile, withInputErrors } from '../engine/readInputFile.js';
import type { Line } from '../lib/LineSplitter.js';
import { LineSplitter, LineTooLong } from '../lib/LineSplitter.js';
import type { HistoryPoll } from './History.js';
import {
  ACCEPTED,
  isPayload,
  jsonLine,
  MAX_POLLS,
  payloadPoll,
  pollsOfText,
} from './parseHistory.js';

const MIB = 1024 * 1024;

/** How to read: block size (tests vary it) and the caps. */
export interface ReadOptions {
  readonly blockBytes?: number;
  /** Largest line of JSON lines. */
  readonly maxLineBytes?: number;
  /** Largest file of another shape, read whole. */
  readonly maxFileBytes?: number;
  /** Most payloads of JSON lines (a file read whole has parseHistory.ts's `MAX_POLLS`). */
  readonly maxPolls?: number;
}

const limits = (maxBytes: number) => ({ maxBytes, what: 'a history file', accepted: ACCEPTED });

const tooDeep = (where: string) =>
  new TraceError(
    where,
    `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    `at most ${MAX_JSON_DEPTH} levels of arrays and objects`,
  );

const isBlank = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Reads the block of `fd` at `pos`: how many bytes (0 at the end); a failed read names the file. */
const readAt = (file: string, fd: number, block: Buffer, pos: number): number =>
  withInputErrors(file, limits(0), () => readSync(fd, block, 0, block.length, pos));

/** The first byte that is not JSON whitespace, or -1 for an empty or blank file. */
function firstByte(file: string, fd: number, block: Buffer): number {
  for (let pos = 0; ;) {
    const n = readAt(file, fd, block, pos);
    if (n === 0) return -1;
    for (let i = 0; i < n; i++) if (!isBlank(block[i] as number)) return block[i] as number;
    pos += n;
  }
}

/**
 * Hands each payload line of `fd` to `onPoll`, numbered from `first`; the count, or null when the
 * file is not JSON lines of payloads (its first line alone is no payload object) and must be read
 * whole. The latest payload is held back one line: a file of one payload is named by the file
 * alone (`h.json`, not `h.json:1`), as when it is read whole.
 */
function streamLines(
  file: string,
  fd: number,
  first: number,
  onPoll: (p: HistoryPoll) => void,
  o: Required<ReadOptions>,
): number | null {
  const block = Buffer.alloc(o.blockBytes);
  if (firstByte(file, fd, block) !== 0x7b) return null;
  const splitter = new LineSplitter(o.maxLineBytes);
  // Undefined until the first non-blank line (a '{' starts one), then always the latest payload.
  let held: unknown = undefined;
  let heldLine = 0;
  let count = 0;
  /** Hands over the payload held back, named `source`. */
  const emit = (source: string) => {
    if (count >= o.maxPolls)
      throw new TraceError(file, `more than ${o.maxPolls} payloads`, `at most ${o.maxPolls}`);
    onPoll(payloadPoll(held, source, first + count));
    count += 1;
  };
  /** False when the first line says the file is to be read whole. */
  const take = ({ text, line }: Line): boolean => {
    if (text.trim() === '') return true;
    const source = `${file}:${line}`;
    const deep = jsonDepth(text) > MAX_JSON_DEPTH;
    if (held === undefined) {
      try {
        held = deep ? null : JSON.parse(text);
      } catch {
        return false;
      }
      heldLine = line;
      return isPayload(held);
    }
    emit(`${file}:${heldLine}`);
    if (deep) throw tooDeep(source);
    held = jsonLine(source, text);
    heldLine = line;
    return true;
  };
  try {
    for (let pos = 0; ;) {
      const n = readAt(file, fd, block, pos);
      if (n === 0) break;
      pos += n;
      for (const l of splitter.push(block.subarray(0, n))) if (!take(l)) return null;
    }
    for (const l of splitter.end()) if (!take(l)) return null;
  } catch (e) {
    if (!(e instanceof LineTooLong)) throw e;
    throw new TraceError(
      `${file}:${e.line}`,
      `a line over ${o.maxLineBytes / MIB} MiB`,
      `JSON lines of up to ${o.maxLineBytes / MIB} MiB each (one payload per line)`,
    );
  }
  emit(count === 0 ? file : `${file}:${heldLine}`);
  return count;
}

/** The polls of a file that is not JSON lines, read whole (at most `maxBytes`). */
function wholeFile(file: string, size: number, first: number, maxBytes: number): HistoryPoll[] {
  if (size > maxBytes)
    throw new TraceError(
      file,
      `a file over ${maxBytes / MIB} MiB`,
      `a history file up to ${maxBytes / MIB} MiB; a larger history must be JSON lines, one payload per line`,
    );
  // parseHistory.ts caps the depth of the whole text.
  return pollsOfText(file, readInputFile(file, limits(maxBytes)), first);
}

/**
 * Reads `file` and hands each of its polls, numbered from `first`, to `onPoll`; returns how many.
 *
 * @example
 * readHistoryFile('history/fixtures/lingering.jsonl', 1, (p) => run.add(p)) //=> 3
 */
export function readHistoryFile(
  file: string,
  first: number,
  onPoll: (p: HistoryPoll) => void,
  options: ReadOptions = {},
): number {
  const o: Required<ReadOptions> = {
    blockBytes: options.blockBytes ?? MIB,
    maxLineBytes: options.maxLineBytes ?? 64 * MIB,
    maxFileBytes: options.maxFileBytes ?? 64 * MIB,
    maxPolls: options.maxPolls ?? MAX_POLLS,
  };
  const { fd, size } = openInputFile(file, limits(o.maxFileBytes));
  let streamed: number | null;
  try {
    streamed = streamLines(file, fd, first, onPoll, o);
  } finally {
    closeSync(fd);
  }
  if (streamed !== null) return streamed;
  const polls = wholeFile(file, size, first, o.maxFileBytes);
  for (const p of polls) onPoll(p);
  return polls.length;
}
