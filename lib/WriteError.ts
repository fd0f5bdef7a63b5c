/**
 * A write that the system refused, named by the file the caller asked for (not the temporary name
 * the bytes went to first) or by the stream (`stdout`). `code` is the errno name (`EACCES`,
 * `ENOSPC`, ...): the command line turns it into one line and an exit status (cli/classifyError.ts).
 *
 * @example
 * new WriteError('out/x.json', enospc).message //=> 'out/x.json: ENOSPC: no space left on device, write'
 */
export class WriteError extends Error {
  override readonly name = 'WriteError';
  /** The file or stream written to. */
  readonly target: string;
  /** The errno name, or `EUNKNOWN` when the cause had none. */
  readonly code: string;

  constructor(target: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const text = cause instanceof Error ? cause.message : String(cause);
    super(`${target}: ${text}`, { cause });
    this.target = target;
    this.code = typeof code === 'string' ? code : 'EUNKNOWN';
  }
}
