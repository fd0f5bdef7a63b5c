/**
 * Reads a trace or counterexample file and validates it against the registries; every problem is
 * one `TraceError` that starts with the file name.
 */
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { TraceError } from '../engine/errors/TraceError.js';
import { readInputFile } from '../engine/readInputFile.js';
import type { Trace } from '../engine/trace.js';
import { parseTrace } from '../engine/trace.js';
import { invariantNames } from '../invariants/index.js';

/** Largest file accepted, in bytes. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Parses `path`, or throws a TraceError naming the file. */
export function loadTrace(path: string): Trace {
  const text = readInputFile(path, {
    maxBytes: MAX_BYTES,
    what: 'a trace file',
    accepted: 'a readable lingering-trace/v1 file',
  });
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
