/**
 * Command-line parsing on top of `node:util` `parseArgs`, driven by a command's `CommandSpec`
 * (cli/CommandSpec.ts): every problem becomes one `UsageError` line (exit 2) that names the option
 * and the allowed values, and the readers take ranges and defaults from the same table that
 * `--help` and the README print.
 */
import { parseArgs } from 'node:util';
import { TraceError } from '../engine/errors/TraceError.js';
import type { CommandSpec, OptionSpec } from './CommandSpec.js';

/** A bad command line. */
export class UsageError extends TraceError {}

/** Any other bad input, already phrased as one line (exit 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Parsed options and positionals, with the table they were parsed by. */
export interface Parsed {
  readonly spec: CommandSpec;
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: readonly string[];
}

/** What a command line may hold: `--seeds, --runs`, or `no options`. */
const optionNames = (spec: CommandSpec): readonly string[] | string =>
  Object.keys(spec.options).length === 0
    ? 'no options'
    : Object.keys(spec.options).map((o) => `--${o}`);

/** `parseArgs`'s declarations: a flag is a boolean, every other option takes a string. */
const parseArgsOptions = (spec: CommandSpec) =>
  Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.kind === 'flag' ? ('boolean' as const) : ('string' as const) },
    ]),
  );

/** `parseArgs`'s refusal of `argv`, as one `UsageError` (exported for its tests). */
export function parseArgsRefusal(spec: CommandSpec, e: unknown): UsageError {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  const allowed = optionNames(spec);
  if (unknown) return new UsageError(`${spec.name} option`, `"${unknown[1]}"`, allowed);
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(msg);
  if (missing)
    return new UsageError(missing[1] ?? 'option', 'no value', 'a value after the option');
  const noValue = /Option '(--[\w-]+)' does not take an argument/.exec(msg);
  if (noValue) return new UsageError(noValue[1] ?? 'option', 'a value', 'no value (it is a flag)');
  // parseArgs takes `--seed -5` for two options; its hint, `--seed=-5`, is the way to write it.
  const dashed = /Option '(--[\w-]+)' argument is ambiguous/.exec(msg);
  if (dashed) {
    const option = dashed[1] ?? 'option';
    return new UsageError(
      option,
      'a value that starts with "-"',
      `${option}=VALUE for such a value`,
    );
  }
  return new UsageError(`${spec.name} arguments`, msg.split('\n')[0] ?? msg, allowed);
}

/** Refuses positional arguments the spec's operands do not allow. */
function checkOperands(spec: CommandSpec, positionals: readonly string[]): void {
  const operands = spec.operands;
  const [first, second] = positionals;
  if (operands === undefined) {
    if (first !== undefined)
      throw new UsageError(`${spec.name} arguments`, `"${first}"`, optionNames(spec));
    return;
  }
  if (first === undefined) throw new UsageError(spec.name, `no ${operands.name}`, operands.allowed);
  if (operands.count === 'one' && second !== undefined)
    throw new UsageError(spec.name, `"${second}"`, `one ${operands.name}`);
}

/**
 * Parses `argv` for the command `spec` describes: its options, and the operands it takes.
 *
 * @example
 * parse(variantsSpec, ['foo']) // throws 'variants arguments: got "foo"; allowed: --json'
 */
export function parse(spec: CommandSpec, argv: readonly string[]): Parsed {
  let r;
  try {
    r = parseArgs({
      args: [...argv],
      options: parseArgsOptions(spec),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw parseArgsRefusal(spec, e);
  }
  checkOperands(spec, r.positionals);
  return { spec, values: r.values, positionals: r.positionals };
}

/** The table's entry for `--name` as a `kind` option: a name the table lacks is a bug. */
function entry<K extends OptionSpec['kind']>(
  p: Parsed,
  name: string,
  kind: K,
): Extract<OptionSpec, { kind: K }> {
  const o = p.spec.options[name];
  if (o?.kind !== kind) throw new Error(`${p.spec.name}: --${name} is not a ${kind} option`);
  return o as Extract<OptionSpec, { kind: K }>;
}

/** A string option, or `fallback`. */
export const str = (p: Parsed, name: string, fallback?: string): string | undefined => {
  const v = p.values[name];
  return typeof v === 'string' ? v : fallback;
};

/** A boolean flag. */
export function flag(p: Parsed, name: string): boolean {
  entry(p, name, 'flag');
  return p.values[name] === true;
}

/** What the code decides for an option whose default or bounds depend on other input. */
export interface IntOverride {
  readonly fallback?: number;
  readonly min?: number;
  readonly max?: number;
}

/** An integer option's bounds and default, the table's unless overridden. */
function intBounds(p: Parsed, name: string, o: IntOverride) {
  const e = entry(p, name, 'int');
  const fallback = o.fallback ?? (typeof e.default === 'number' ? e.default : undefined);
  return { min: o.min ?? e.min, max: o.max ?? e.max, fallback };
}

/**
 * An integer option within the table's range, or its default when absent; `override` gives what
 * the code works out (`--tuples` is at most `--flows`).
 *
 * @example
 * int(parsed, 'flows') //=> 2 for --flows 2
 */
export function int(p: Parsed, name: string, override: IntOverride = {}): number {
  const { min, max, fallback } = intBounds(p, name, override);
  const raw = str(p, name);
  if (raw !== undefined) return integer(name, raw, min, max);
  if (fallback === undefined) throw new Error(`${p.spec.name}: --${name} has no default`);
  return fallback;
}

/**
 * A comma-separated list of integers, each within the table's range, or `fallback` when absent.
 *
 * @example
 * ints(parsed, 'depth', [2]) //=> [2, 3] for --depth 2,3
 */
export function ints(p: Parsed, name: string, fallback: readonly number[]): readonly number[] {
  const { min, max } = intBounds(p, name, {});
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

/** What the code decides for a choice whose default or values depend on other input. */
export interface ChoiceOverride {
  readonly fallback?: string;
  readonly values?: readonly string[];
}

/**
 * A choice option: one of the table's values (or `override.values`), or the default (the table's,
 * unless `override.fallback`) when absent.
 *
 * @example
 * oneOf(parsed, 'agent') //=> 'postfix' for --agent postfix
 */
export function oneOf(p: Parsed, name: string, override: ChoiceOverride = {}): string | undefined {
  const e = entry(p, name, 'choice');
  const values = override.values ?? e.values;
  const tableDefault =
    e.default !== undefined && values.includes(e.default) ? e.default : undefined;
  const v = str(p, name, override.fallback ?? tableDefault);
  if (v !== undefined && !values.includes(v)) throw new UsageError(`--${name}`, `"${v}"`, values);
  return v;
}

/** A choice the command cannot run without: absent, it is refused with the allowed values. */
export function required(p: Parsed, name: string): string {
  const v = oneOf(p, name);
  if (v === undefined)
    throw new UsageError(`--${name}`, 'nothing', entry(p, name, 'choice').values);
  return v;
}

/**
 * The options of a script that `npm run` starts (scripts/, bench/), parsed by {@link parse} and
 * read by `read`: a bad command line is one line on standard error and exit status 2, as
 * `lingering` answers one (cli/main.ts).
 *
 * @example
 * scriptOptions(benchSpec, (p) => flag(p, 'quick')) //=> true for --quick
 */
export function scriptOptions<T>(
  spec: CommandSpec,
  read: (p: Parsed) => T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  try {
    return read(parse(spec, argv));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // `pct-report option: …` names the script already; `--seeds: …` does not.
    const named = e.field.startsWith(spec.name) ? e.message : `${spec.name} ${e.message}`;
    process.stderr.write(`${named}\n`);
    process.exit(2);
  }
}
