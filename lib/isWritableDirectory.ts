/**
 * Whether `path` is a directory this process may create files in: an output location checked
 * before any work, so that a missing directory, a file or a read-only directory is one line of
 * bad input instead of a failed write at the end.
 */
import { accessSync, constants, statSync } from 'node:fs';

/**
 * True when `path` is an existing directory writable by this process.
 *
 * @example
 * isWritableDirectory('/etc/hostname') //=> false: a file
 */
export function isWritableDirectory(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
