/**
 * Writes a file so that it is either there whole or not at all: the content goes to a temporary
 * file beside the target, which is then renamed over it (or, without clobbering, hard-linked to
 * it: `link` fails when the target exists, so of two concurrent writers exactly one wins and no
 * check-then-rename window lets the other replace its file). SIGINT, SIGTERM or SIGHUP during the
 * write, or the parent's death, removes the temporary file before the process exits
 * (lib/cleanupOnExit.ts), so nothing partial is left; a refused write removes it too and throws a
 * {@link WriteError} that names `file`, not the temporary name.
 */
import { linkSync, renameSync, writeFileSync } from 'node:fs';
import { cleanupOnExit, exitIfOrphaned, removeQuietly } from './cleanupOnExit.js';
import { WriteError } from './WriteError.js';

/** Options of {@link atomicWrite}. */
export interface AtomicWriteOptions {
  /** Refuse (return false) when the target exists. @defaultValue false */
  readonly noClobber?: boolean;
}

/**
 * Writes `content` to `file` atomically; returns false, writing nothing, when `noClobber` is set
 * and the file exists (or another writer created it first). Throws a {@link WriteError} naming
 * `file` when the system refuses the write.
 *
 * @example
 * atomicWrite('counterexamples/x.json', text, { noClobber: true }) //=> true
 */
export function atomicWrite(
  file: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): boolean {
  // An orphan writes nothing: whoever asked for the file is gone (lib/cleanupOnExit.ts).
  exitIfOrphaned();
  const tmp = `${file}.${process.pid}.tmp`;
  const settled = cleanupOnExit(tmp);
  try {
    writeFileSync(tmp, content, { flag: 'w' });
    if (!options.noClobber) renameSync(tmp, file);
    else return publishNew(tmp, file, content);
  } catch (e) {
    throw new WriteError(file, e);
  } finally {
    settled();
    removeQuietly(tmp);
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
    // The exclusive create made `file`: a write that failed part-way leaves nothing behind.
    removeQuietly(file);
    throw e;
  }
}
