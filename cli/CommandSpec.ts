/**
 * The one table a command's options come from: the argument parser (cli/args.ts), `lingering
 * COMMAND --help` and the README's command table (cli/usage.ts, scripts/writeReadmeDemos.ts) are
 * all made from a command's `CommandSpec`, so none of them can name an option, a default or a range
 * the others do not.
 */

/** An option as the table declares it; `help` is one short phrase. */
export type OptionSpec =
  | { readonly kind: 'flag'; readonly help: string }
  | {
      readonly kind: 'int';
      /** The value's name in the usage line: `N`, `S`. */
      readonly value: string;
      readonly min: number;
      readonly max: number;
      /** The default, or what it is when the code works it out (`"the trace's clients"`). */
      readonly default?: number | string;
      /** A comma-separated list of such integers. */
      readonly list?: boolean;
      readonly help: string;
    }
  | {
      readonly kind: 'choice';
      readonly value: string;
      readonly values: readonly string[];
      /** What the values are, where listing them all would bury the line (`an invariant's name`). */
      readonly valuesAre?: string;
      /** The default, or what it is when the code works it out (`"the trace's driver"`). */
      readonly default?: string;
      /** The command refuses to run without it. */
      readonly required?: boolean;
      readonly help: string;
    }
  | {
      readonly kind: 'text';
      /** The value's name in the usage line: `FILE`, `DIR`, `SIZE`, `i/n`. */
      readonly value: string;
      readonly default?: string;
      readonly help: string;
    };

/** A choice among named values. */
export type ChoiceSpec = Extract<OptionSpec, { kind: 'choice' }>;

/** The positional arguments a command takes. */
export interface OperandSpec {
  /** Their name in the usage line: `FILE`. */
  readonly name: string;
  /** `one`: exactly one; `many`: one or more. */
  readonly count: 'one' | 'many';
  /** What to give when none is given: the refusal's "allowed" part. */
  readonly allowed: string;
}

/** One command of `lingering`: its name, operands, one-line purpose and options. */
export interface CommandSpec {
  readonly name: string;
  readonly operands?: OperandSpec;
  /** What the command does, one phrase for the top-level help and the README. */
  readonly purpose: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

/** `--json`, which every command takes. */
export const JSON_OPTION: OptionSpec = { kind: 'flag', help: 'print the result as JSON' };

/** `--quiet`, taken by the commands that print progress on standard error. */
export const QUIET_OPTION: OptionSpec = { kind: 'flag', help: 'no progress on standard error' };
