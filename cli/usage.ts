/**
 * The words a command's `CommandSpec` gives people: its usage line (the top-level help), its
 * `--help` page, and its row of the README's command table (scripts/writeReadmeDemos.ts).
 */
import type { CommandSpec, OptionSpec } from './CommandSpec.js';

/** A choice with more values than this shows its placeholder in the usage line. */
const LISTED_CHOICES = 4;

/** The option's value in the usage line: `N`, `production|isolated`, or nothing for a flag. */
function valueWord(o: OptionSpec): string {
  if (o.kind === 'flag') return '';
  if (o.kind === 'choice' && o.values.length <= LISTED_CHOICES) return ` ${o.values.join('|')}`;
  return ` ${o.value}`;
}

/**
 * `explore [--driver D] [--flows N] ... [--json]`: the command, its operands and every option.
 *
 * @example
 * usageLine(variantsSpec) //=> 'variants [--json]'
 */
export function usageLine(spec: CommandSpec): string {
  const operands = spec.operands;
  const operand =
    operands === undefined
      ? []
      : [operands.count === 'many' ? `${operands.name}...` : operands.name];
  const options = Object.entries(spec.options).map(([name, o]) => {
    const word = `--${name}${valueWord(o)}`;
    return o.kind === 'choice' && o.required === true ? word : `[${word}]`;
  });
  return [spec.name, ...operand, ...options].join(' ');
}

/** What an option takes: `an integer from 1 to 16`, `one of a, b`, `FILE`; nothing for a flag. */
function takes(o: OptionSpec): string {
  switch (o.kind) {
    case 'flag':
      return '';
    case 'int':
      return `${o.list === true ? 'integers' : 'an integer'} from ${o.min} to ${o.max}`;
    case 'choice':
      // Few values are in the usage word already (`--environment production|isolated`).
      if (o.values.length <= LISTED_CHOICES) return '';
      return o.valuesAre ?? `one of ${o.values.join(', ')}`;
    case 'text':
      return '';
  }
}

/** `default 2`, `required`, or nothing. */
function defaultWords(o: OptionSpec): string {
  if (o.kind === 'flag') return '';
  if (o.kind === 'choice' && o.required === true) return 'required';
  return o.default === undefined ? '' : `default ${o.default}`;
}

/**
 * One option for people: `--flows N: flows in the search; an integer from 1 to 16; default 2`.
 *
 * @example
 * describeOption('json', JSON_OPTION) //=> '--json: print the result as JSON'
 */
function describeOption(name: string, o: OptionSpec): string {
  const details = [takes(o), defaultWords(o)].filter((w) => w !== '');
  return `--${name}${valueWord(o)}: ${[o.help, ...details].join('; ')}`;
}

/**
 * `lingering COMMAND --help`: the usage line, the purpose, then one line per option.
 */
export function helpText(spec: CommandSpec): string {
  const options = Object.entries(spec.options).map(([n, o]) => `  ${describeOption(n, o)}`);
  return [
    `usage: lingering ${usageLine(spec)}`,
    '',
    `${spec.purpose}.`,
    '',
    'options:',
    ...options,
    '',
  ].join('\n');
}

/** `a|b` inside a Markdown table cell. */
const cell = (s: string): string => s.replaceAll('|', '\\|');

/**
 * The README's command table: one row per command, its options each with type, range and
 * default, as `--help` gives them.
 */
export function commandTable(specs: readonly CommandSpec[]): string {
  const rows = specs.map((s) => {
    const operand = s.operands === undefined ? '' : ` ${s.operands.name}`;
    const name = `\`${s.name}${operand}${s.operands?.count === 'many' ? '...' : ''}\``;
    const options = Object.entries(s.options).map(([n, o]) => {
      const [head, ...rest] = describeOption(n, o).split(': ');
      return `\`${cell(head ?? '')}\` ${cell(rest.join(': '))}`;
    });
    return `| ${name} | ${cell(s.purpose)} | ${options.join('<br>')} |`;
  });
  return ['| command | what it does | options |', '| --- | --- | --- |', ...rows, ''].join('\n');
}
