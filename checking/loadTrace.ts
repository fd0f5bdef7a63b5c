/**
 * Reads a trace or counterexample file and validates it against the registries; every problem is
 * one `TraceError` that starts with the file name.
 */
import { readFileSync, statSync } from 'node:fs';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { TraceError } from '../engine/errors/TraceError.js';
import type { Trace } from '../engine/trace.js';
import { parseTrace } from '../engine/trace.js';
import { invariantNames } from '../invariants/index.js';

/** Largest file accepted, in bytes. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Parses `path`, or throws a TraceError naming the file. */
export function loadTrace(path: string): Trace {
  let text: string;
  try {
    if (statSync(path).size > MAX_BYTES)
      throw new TraceError(path, 'a file over 20 MiB', 'a trace file up to 20 MiB');
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof TraceError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TraceError(
      path,
      code === 'ENOENT' ? 'no such file' : `an unreadable file (${code})`,
      'a readable lingering-trace/v1 file',
    );
  }
  const r = parseTrace(text, {
    drivers: driverNames,
    agents: agentNames,
    invariants: invariantNames,
  });
  if (!r.ok) {
    const e = r.error;
    throw new TraceError(`${path}: ${e.field}`, e.got, e.allowed);
  }
  return r.value;
}
