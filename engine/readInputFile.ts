/**
 * Reads one input file (a trace, a counterexample, a payload history) with limits: only a regular
 * file, at most `maxBytes` bytes, every problem one `TraceError` naming the file. A FIFO, socket,
 * device or directory is refused before it is opened for reading (opening a FIFO blocks until a
 * writer appears, and a device's size is 0 whatever it yields: open(2), fstat(2)).
 */
import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { TraceError } from './errors/TraceError.js';

/** What to accept and how to name it. */
export interface InputLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** The kind of file, e.g. `a trace file`: the cap reads "`what` up to 20 MiB". */
  readonly what: string;
  /** What a readable file may hold, for the refusal of a missing or unreadable one. */
  readonly accepted: string;
}

const MIB = 1024 * 1024;

const sizeText = (n: number): string => (n % MIB === 0 ? `${n / MIB} MiB` : `${n} bytes`);

const kindOf = (s: Stats): string | null =>
  s.isFile()
    ? null
    : s.isDirectory()
      ? 'a directory'
      : s.isFIFO()
        ? 'a FIFO'
        : s.isSocket()
          ? 'a socket'
          : s.isCharacterDevice() || s.isBlockDevice()
            ? 'a device'
            : 'not a regular file';

function refuseKind(path: string, s: Stats, limits: InputLimits): void {
  const kind = kindOf(s);
  if (kind !== null)
    throw new TraceError(
      path,
      kind,
      `${limits.what} that is a regular file (not a FIFO, socket, device or directory)`,
    );
}

function refuseSize(path: string, size: number, limits: InputLimits): void {
  if (size > limits.maxBytes)
    throw new TraceError(
      path,
      `a file over ${sizeText(limits.maxBytes)}`,
      `${limits.what} up to ${sizeText(limits.maxBytes)}`,
    );
}

/** Reads at most `max + 1` bytes of `fd`, so a file that grows after fstat is still caught. */
function readAtMost(fd: number, max: number): Buffer {
  const buf = Buffer.alloc(Math.min(max + 1, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, max + 1 - total), null);
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > max) break;
  }
  return Buffer.concat(chunks, total);
}

/** Opens `path` for reading if it is a regular file: its descriptor and size. */
function openChecked(path: string, limits: InputLimits): { fd: number; size: number } {
  refuseKind(path, statSync(path), limits);
  // O_NONBLOCK: should the path become a FIFO after the check, opening it does not wait.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = fstatSync(fd);
    refuseKind(path, s, limits);
    return { fd, size: s.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

function readChecked(path: string, limits: InputLimits): string {
  const { fd, size } = openChecked(path, limits);
  try {
    refuseSize(path, size, limits);
    const bytes = readAtMost(fd, limits.maxBytes);
    refuseSize(path, bytes.length, limits);
    return bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of the regular file `path`, or a TraceError naming it.
 *
 * @example
 * readInputFile('missing.json', { maxBytes: 1024, what: 'a trace file', accepted: 'a trace' })
 * //=> throws TraceError 'missing.json: got no such file; allowed: a trace'
 */
export function readInputFile(path: string, limits: InputLimits): string {
  return withInputErrors(path, limits, () => readChecked(path, limits));
}

/** `read()`, with a failed system call turned into a TraceError naming `path`. */
export function withInputErrors<T>(path: string, limits: InputLimits, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof TraceError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TraceError(
      path,
      code === 'ENOENT' ? 'no such file' : `an unreadable file (${code})`,
      limits.accepted,
    );
  }
}

/**
 * Opens the regular file `path` for reading in blocks (the caller closes it): its descriptor and
 * size, refused as `readInputFile` refuses it, whatever its size; errors as `withInputErrors`.
 */
export const openInputFile = (path: string, limits: InputLimits): { fd: number; size: number } =>
  withInputErrors(path, limits, () => openChecked(path, limits));
