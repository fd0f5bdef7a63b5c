/**
 * The usage line and the `--help` page a command's table makes (cli/usage.ts), on small
 * hand-built tables: each kind of option, operand and placeholder, word for word.
 */
import { describe, expect, it } from 'vitest';
import { JSON_OPTION, type CommandSpec } from './CommandSpec.js';
import { helpText, usageLine } from './usage.js';

/** A command with one of each kind of option and one or more FILE operands. */
const everyKind: CommandSpec = {
  name: 'demo',
  operands: { name: 'FILE', count: 'many', allowed: 'one or more files' },
  purpose: 'show every kind of option',
  options: {
    driver: {
      kind: 'choice',
      value: 'D',
      values: ['a', 'b', 'c', 'd', 'e'],
      required: true,
      help: 'the design',
    },
    environment: {
      kind: 'choice',
      value: 'E',
      values: ['production', 'isolated'],
      default: 'production',
      help: 'where it runs',
    },
    flows: { kind: 'int', value: 'N', min: 1, max: 16, default: 2, help: 'flows in the search' },
    tuples: { kind: 'int', value: 'T', min: 0, max: 9, list: true, help: 'tuples to count' },
    out: { kind: 'text', value: 'DIR', help: 'where it writes' },
    json: JSON_OPTION,
  },
};

describe('usageLine', () => {
  it('names the operands, a required choice bare and every other option in brackets', () => {
    expect(usageLine(everyKind)).toBe(
      'demo FILE... --driver D [--environment production|isolated] [--flows N] [--tuples T] [--out DIR] [--json]',
    );
  });

  it('writes a single operand without dots, and none when the command takes none', () => {
    const one: CommandSpec = {
      name: 'replay',
      operands: { name: 'TRACE', count: 'one', allowed: 'a trace file' },
      purpose: 'replay a trace',
      options: { json: JSON_OPTION },
    };
    const none: CommandSpec = { name: 'variants', purpose: 'list the designs', options: {} };
    expect(usageLine(one)).toBe('replay TRACE [--json]');
    expect(usageLine(none)).toBe('variants');
  });

  it('leaves a required choice bare and brackets an optional one, values listed when few', () => {
    const spec: CommandSpec = {
      name: 'pick',
      purpose: 'pick one',
      options: {
        side: { kind: 'choice', value: 'S', values: ['l', 'r'], required: true, help: 'a side' },
        mode: { kind: 'choice', value: 'M', values: ['x', 'y'], help: 'a mode' },
      },
    };
    expect(usageLine(spec)).toBe('pick --side l|r [--mode x|y]');
  });
});

describe('helpText', () => {
  it('prints the usage line, the purpose and one line per option with range and default', () => {
    expect(helpText(everyKind)).toBe(
      [
        'usage: lingering demo FILE... --driver D [--environment production|isolated] [--flows N] [--tuples T] [--out DIR] [--json]',
        '',
        'show every kind of option.',
        '',
        'options:',
        '  --driver D: the design; one of a, b, c, d, e; required',
        '  --environment production|isolated: where it runs; default production',
        '  --flows N: flows in the search; an integer from 1 to 16; default 2',
        '  --tuples T: tuples to count; integers from 0 to 9',
        '  --out DIR: where it writes',
        '  --json: print the result as JSON',
        '',
      ].join('\n'),
    );
  });
});
