/**
 * Writes a file so that it is either there whole or not at all: the content goes to a temporary
 * file beside the target, which is then renamed over it. A Ctrl-C (SIGINT) or SIGTERM during the
 * write removes the temporary file before the process exits, so nothing partial is left behind.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';

const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removePending();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.once('exit', removePending);
}

/** Options of {@link atomicWrite}. */
export interface AtomicWriteOptions {
  /** Refuse (return false) when the target exists. @defaultValue false */
  readonly noClobber?: boolean;
}

/**
 * Writes `content` to `file` atomically; returns false, writing nothing, when `noClobber` is set
 * and the file exists.
 *
 * @example
 * atomicWrite('counterexamples/x.json', text, { noClobber: true }) //=> true
 */
export function atomicWrite(
  file: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): boolean {
  if (options.noClobber && existsSync(file)) return false;
  installHandlers();
  const tmp = `${file}.${process.pid}.tmp`;
  pending.add(tmp);
  try {
    writeFileSync(tmp, content, { flag: 'w' });
    renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
  return true;
}
