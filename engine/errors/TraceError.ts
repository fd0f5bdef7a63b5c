/**
 * A trace file, a counterexample file or a command-line value that does not have the allowed form.
 *
 * @remarks
 * Errors are data (ky's `HTTPError` style): `field` names where the problem is, `got` what was
 * there, `allowed` what would have been accepted. The CLI prints `message` as one line and exits 2.
 *
 * @example
 * new TraceError('driver', 'orignal', ['original', 'cas-retry']).message
 * //=> 'driver: got "orignal"; allowed: original, cas-retry'
 */
export class TraceError extends Error {
  override readonly name = 'TraceError';
  readonly field: string;
  readonly got: string;
  readonly allowed: readonly string[] | string;

  constructor(field: string, got: string, allowed: readonly string[] | string) {
    const allowedText = typeof allowed === 'string' ? allowed : allowed.join(', ');
    super(`${field}: got ${got}; allowed: ${allowedText}`);
    this.field = field;
    this.got = got;
    this.allowed = allowed;
  }
}
