/**
 * Writes a file so that it is either there whole or not at all: the content goes to a temporary
 * file beside the target, which is then renamed over it (or, without clobbering, hard-linked to
 * it: `link` fails when the target exists, so of two concurrent writers exactly one wins and no
 * check-then-rename window lets the other replace its file). A Ctrl-C (SIGINT) or SIGTERM during
 * the write removes the temporary file before the process exits, so nothing partial is left.
 */
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';

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
 * and the file exists (or another writer created it first).
 *
 * @example
 * atomicWrite('counterexamples/x.json', text, { noClobber: true }) //=> true
 */
export function atomicWrite(
  file: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): boolean {
  installHandlers();
  const tmp = `${file}.${process.pid}.tmp`;
  pending.add(tmp);
  try {
    writeFileSync(tmp, content, { flag: 'w' });
    if (!options.noClobber) renameSync(tmp, file);
    else return publishNew(tmp, file, content);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
  return true;
}

/**
 * Puts the written `tmp` at `file` only if `file` does not exist: a hard link, or an exclusive
 * create (`wx`, O_EXCL) where the file system has no hard links; false when `file` exists.
 */
function publishNew(tmp: string, file: string, content: string | Uint8Array): boolean {
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e;
  }
  try {
    writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}
