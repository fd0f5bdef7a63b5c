/**
 * Command-line parsing on top of `node:util` `parseArgs`: every problem becomes one `UsageError`
 * line (exit 2) that names the option and the allowed values.
 */
import { parseArgs } from 'node:util';
import { TraceError } from '../engine/errors/TraceError.js';

/** A bad command line. */
export class UsageError extends TraceError {}

/** Any other bad input, already phrased as one line (exit 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Option declarations, as `parseArgs` takes them. */
export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

/** Parsed options and positionals. */
export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: readonly string[];
}

/** What a command line may hold: `--seeds, --runs`, or `no options`. */
const optionNames = (options: OptionSpec): readonly string[] | string =>
  Object.keys(options).length === 0 ? 'no options' : Object.keys(options).map((o) => `--${o}`);

/** Parses `argv` for a command with these options. */
export function parse(command: string, argv: readonly string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const allowed = optionNames(options);
    if (unknown) throw new UsageError(`${command} option`, `"${unknown[1]}"`, allowed);
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(msg);
    if (missing)
      throw new UsageError(missing[1] ?? 'option', 'no value', 'a value after the option');
    const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(msg);
    if (noValue) throw new UsageError(noValue[1] ?? 'option', 'a value', 'no value (it is a flag)');
    throw new UsageError(`${command} arguments`, msg.split('\n')[0] ?? msg, allowed);
  }
}

/**
 * Parses `argv` for a command that takes options only: a positional argument is refused.
 *
 * @example
 * parseOptions('variants', ['foo'], { json: { type: 'boolean' } }) // throws 'variants arguments: got "foo"; allowed: --json'
 */
export function parseOptions(
  command: string,
  argv: readonly string[],
  options: OptionSpec,
): Parsed {
  const parsed = parse(command, argv, options);
  const [stray] = parsed.positionals;
  if (stray !== undefined)
    throw new UsageError(`${command} arguments`, `"${stray}"`, optionNames(options));
  return parsed;
}

/** A string option, or `fallback`. */
export const str = (p: Parsed, name: string, fallback?: string): string | undefined => {
  const v = p.values[name];
  return typeof v === 'string' ? v : fallback;
};

/** A boolean flag. */
export const flag = (p: Parsed, name: string): boolean => p.values[name] === true;

/**
 * An integer option within `[min, max]`, or `fallback` when absent.
 *
 * @example
 * int(parsed, 'flows', 1, 1, 8) //=> 2 for --flows 2
 */
export function int(p: Parsed, name: string, fallback: number, min: number, max: number): number {
  const raw = str(p, name);
  return raw === undefined ? fallback : integer(name, raw, min, max);
}

/**
 * A comma-separated list of integers, each within `[min, max]`, or `fallback` when absent.
 *
 * @example
 * ints(parsed, 'depth', [2], 1, 10) //=> [2, 3] for --depth 2,3
 */
export function ints(
  p: Parsed,
  name: string,
  fallback: readonly number[],
  min: number,
  max: number,
): readonly number[] {
  const raw = str(p, name);
  return raw === undefined ? fallback : raw.split(',').map((r) => integer(name, r, min, max));
}

/** `raw`, the value of `--name`, as an integer within `[min, max]`. */
function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim()))
    throw new UsageError(`--${name}`, `"${raw}"`, `an integer from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max)
    throw new UsageError(`--${name}`, raw, `an integer from ${min} to ${max}`);
  return n;
}

/** A name option that must be one of `allowed`. */
export function oneOf(
  p: Parsed,
  name: string,
  allowed: readonly string[],
  fallback?: string,
): string | undefined {
  const v = str(p, name, fallback);
  if (v !== undefined && !allowed.includes(v)) throw new UsageError(`--${name}`, `"${v}"`, allowed);
  return v;
}

/**
 * The options of a script that `npm run` starts (scripts/, bench/), parsed by {@link parseOptions} and
 * read by `read`: a script takes options only, and a bad command line is one line on standard
 * error and exit status 2, as `lingering` answers one (cli/main.ts).
 *
 * @example
 * scriptOptions('bench', { quick: { type: 'boolean' } }, (p) => flag(p, 'quick')) //=> true for --quick
 */
export function scriptOptions<T>(
  script: string,
  options: OptionSpec,
  read: (p: Parsed) => T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  try {
    return read(parseOptions(script, argv, options));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // `pct-report option: …` names the script already; `--seeds: …` does not.
    const named = e.field.startsWith(script) ? e.message : `${script} ${e.message}`;
    process.stderr.write(`${named}\n`);
    process.exit(2);
  }
}
