/**
 * Paths to remove if the process ends before its work is done: a temporary file being written, a
 * directory created for output. They are removed on SIGINT, SIGTERM and SIGHUP (then the process
 * exits with 128 + the signal's number, as a shell reports a killed child), on any exit, and when
 * the process finds itself orphaned.
 *
 * Orphaned: `npx` (npm's @npmcli/run-script) runs a bin through `sh -c` and forwards SIGTERM to
 * that shell only; dash dies of it and leaves this process running under init. A changed
 * `process.ppid` is the only sign, so it is checked before each write and every second by a
 * watching thread, and treated as a SIGTERM.
 *
 * A JavaScript signal handler runs only between synchronous calls: a signal that arrives during a
 * synchronous write waits until the write and its `finally` are done, so handlers are installed
 * only once something is pending (before that, the default action stops a long computation at
 * once).
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The exit status after each signal handled: 128 + its number. */
export const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

const pending = new Set<string>();
let handlersInstalled = false;
/** The parent at start; another one means the parent died (Linux re-parents to init). */
let startParent = process.ppid;

/**
 * Removes `path` if it is there; a path that cannot hold a file (`ENOTDIR`, `ENAMETOOLONG`) holds
 * nothing to remove, so the error is dropped: cleaning up never hides the failure it follows.
 */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing there to remove.
  }
}

function removePending(): void {
  for (const path of pending) removeQuietly(path);
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, status] of Object.entries(SIGNAL_STATUS)) {
    process.once(signal, () => {
      removePending();
      process.exit(status);
    });
  }
  process.once('exit', removePending);
}

/**
 * Removes `path` (a file, or a directory with what it holds) if the process ends before the
 * returned function is called; that call says the work on `path` is settled (done or cleaned up).
 *
 * @example
 * const settled = cleanupOnExit('out/x.json.123.tmp'); writeFileSync(...); settled();
 */
export function cleanupOnExit(path: string): () => void {
  installHandlers();
  pending.add(path);
  return () => void pending.delete(path);
}

/** Whether the parent that started this process has died. */
export const isOrphaned = (): boolean => process.ppid !== startParent;

/** What SIGTERM does: removes what is pending and exits 143. */
function terminate(): never {
  removePending();
  process.exit(SIGNAL_STATUS.SIGTERM);
}

/** When orphaned, does what SIGTERM does. */
export function exitIfOrphaned(): void {
  if (isOrphaned()) terminate();
}

/**
 * The watcher: a thread of its own, since a long synchronous search gives the main thread's timers
 * no turn. It sends this process SIGTERM when the parent changes, so the process stops as if npx
 * had reached it (at once, or after the write under way once a handler is installed).
 */
const WATCHER = `const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGTERM');
}, workerData.everyMs);`;

/**
 * Checks every second whether the process has been orphaned, and stops it as SIGTERM does (the
 * watching thread does not keep the process alive); an IPC channel's `disconnect` counts as
 * orphaned too. `parent` is the parent at start, read by the entry point before it loads anything:
 * a parent that dies while the CLI loads is still noticed.
 */
export function watchParent(parent = startParent, everyMs = 1000): void {
  startParent = parent;
  exitIfOrphaned();
  new Worker(WATCHER, { eval: true, workerData: { parent, everyMs } }).unref();
  if (process.connected) process.once('disconnect', terminate);
}
