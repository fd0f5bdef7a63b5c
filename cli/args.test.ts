import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { flag, int, ints, parse, scriptOptions, UsageError } from './args.js';

describe('ints', () => {
  const depth = (argv: string[]) =>
    ints(parse('pct-report', argv, { depth: { type: 'string' } }), 'depth', [2], 1, 10);

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
    const options = { quick: { type: 'boolean' }, 'max-states': { type: 'string' } } as const;
    const read = scriptOptions(
      'bench',
      options,
      (p) => [flag(p, 'quick'), int(p, 'max-states', 9, 1, 99)],
      ['--quick', '--max-states', '5'],
    );
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
