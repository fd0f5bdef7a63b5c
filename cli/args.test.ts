import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { flag, int, ints, oneOf, parse, required, scriptOptions, UsageError } from './args.js';
import type { CommandSpec } from './CommandSpec.js';

const pct: CommandSpec = {
  name: 'pct-report',
  purpose: 'test',
  options: { depth: { kind: 'int', value: 'D', list: true, min: 1, max: 10, help: 'depths' } },
};

describe('ints', () => {
  const depth = (argv: string[]) => ints(parse(pct, argv), 'depth', [2]);

  it('reads a comma-separated list, or gives the fallback', () => {
    expect(depth(['--depth', '2,3'])).toEqual([2, 3]);
    expect(depth([])).toEqual([2]);
  });

  it('names the option and the range for a bad item', () => {
    expect(() => depth(['--depth', '2,x'])).toThrow(UsageError);
    expect(() => depth(['--depth', '2,11'])).toThrow(
      '--depth: got 11; allowed: an integer from 1 to 10',
    );
  });
});

describe('scriptOptions', () => {
  it('parses and reads the options of a good command line', () => {
    const spec: CommandSpec = {
      name: 'bench',
      purpose: 'test',
      options: {
        quick: { kind: 'flag', help: 'quick' },
        'max-states': { kind: 'int', value: 'M', min: 1, max: 99, default: 9, help: 'cap' },
      },
    };
    const read = scriptOptions(spec, (p) => [flag(p, 'quick'), int(p, 'max-states')], [
      '--quick',
      '--max-states',
      '5',
    ]);
    expect(read).toEqual([true, 5]);
  });

  it('answers a bad one with one line naming the script, and exit status 2', () => {
    const run = (...argv: string[]) =>
      spawnSync('node', ['--import', 'tsx', 'bench/bench.ts', ...argv], { encoding: 'utf8' });
    const stray = run('foo');
    expect(stray.status).toBe(2);
    expect(stray.stderr).toBe(
      'bench arguments: got "foo"; allowed: --quick, --no-spin, --max-states, --max-seconds\n',
    );
    expect(run('--max-states', 'x').stderr).toBe(
      'bench --max-states: got "x"; allowed: an integer from 1 to 2147483647\n',
    );
  });
});

describe('parse by a CommandSpec', () => {
  const spec: CommandSpec = {
    name: 'demo',
    operands: { name: 'FILE', count: 'one', allowed: 'a trace file' },
    purpose: 'test',
    options: {
      flows: { kind: 'int', value: 'N', min: 1, max: 4, default: 2, help: 'flows' },
      tuples: { kind: 'int', value: 'T', min: 1, max: 4, default: 'the flows', help: 'tuples' },
      env: { kind: 'choice', value: 'E', values: ['a', 'b'], default: 'a', help: 'env' },
      pick: { kind: 'choice', value: 'P', values: ['x', 'y'], required: true, help: 'pick' },
      json: { kind: 'flag', help: 'json' },
    },
  };
  const p = (...argv: string[]) => parse(spec, argv);

  it("reads the table's defaults and ranges, and the code's overrides", () => {
    const parsed = p('f.json');
    expect(int(parsed, 'flows')).toBe(2);
    expect(int(parsed, 'tuples', { fallback: 3 })).toBe(3);
    expect(oneOf(parsed, 'env')).toBe('a');
    expect(oneOf(parsed, 'env', { fallback: 'b' })).toBe('b');
    expect(flag(parsed, 'json')).toBe(false);
    expect(() => int(parsed, 'tuples')).toThrow('demo: --tuples has no default');
    expect(() => int(p('f.json', '--flows', '5'), 'flows')).toThrow(
      '--flows: got 5; allowed: an integer from 1 to 4',
    );
    expect(() => int(p('f.json', '--tuples', '3'), 'tuples', { max: 2 })).toThrow(
      '--tuples: got 3; allowed: an integer from 1 to 2',
    );
    expect(() => oneOf(p('f.json', '--env', 'b'), 'env', { values: ['a'] })).toThrow(
      '--env: got "b"; allowed: a',
    );
  });

  it('refuses a missing required choice, and an option the table lacks as a bug', () => {
    expect(() => required(p('f.json'), 'pick')).toThrow('--pick: got nothing; allowed: x, y');
    expect(required(p('f.json', '--pick', 'y'), 'pick')).toBe('y');
    expect(() => flag(p('f.json'), 'flows')).toThrow('demo: --flows is not a flag option');
    expect(() => oneOf(p('f.json'), 'nope')).toThrow('demo: --nope is not a choice option');
  });

  it("leaves a choice unset when the code's values exclude the table's default", () => {
    // --env defaults to a; narrowed to b with no fallback, the absent option is no value at all.
    expect(oneOf(p('f.json'), 'env', { values: ['b'] })).toBeUndefined();
  });

  it('holds the operands to the table: one FILE, not none and not two', () => {
    expect(p('f.json').positionals).toEqual(['f.json']);
    expect(() => p()).toThrow('demo: got no FILE; allowed: a trace file');
    expect(() => p('a', 'b')).toThrow('demo: got "b"; allowed: one FILE');
    const many = { ...spec, operands: { name: 'FILE', count: 'many' as const, allowed: 'files' } };
    expect(parse(many, ['a', 'b']).positionals).toEqual(['a', 'b']);
    const none = { ...spec, operands: undefined };
    expect(() => parse(none, ['a'])).toThrow(
      'demo arguments: got "a"; allowed: --flows, --tuples, --env, --pick, --json',
    );
  });

  it('names the option in every refusal of the command line', () => {
    expect(() => p('f', '--nope')).toThrow('demo option: got "--nope"; allowed: --flows');
    expect(() => p('f', '--flows')).toThrow('--flows: got no value; allowed: a value after');
    expect(() => p('f', '--json=1')).toThrow('--json: got a value; allowed: no value');
  });
});
